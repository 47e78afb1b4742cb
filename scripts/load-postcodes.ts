// Loads an ONS Postcode Directory style CSV into the local Postcode table.
//   npx tsx --conditions=react-server scripts/load-postcodes.ts ONSPD.csv [--district EB1,EB2 | --district 'RG*'] [--include-terminated]
// Load areas (LSOAs) first so each postcode is linked to its area and ward.
import { createReadStream } from 'node:fs';
import { createDb } from '../lib/db/client';
import { loadPostcodes } from '../lib/geo/onspd';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    'Usage: npx tsx --conditions=react-server scripts/load-postcodes.ts <file.csv> [--district EB1,EB2|RG*] [--include-terminated]',
  );
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let districts: string[] = [];
  let includeTerminated = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--district' || a === '--districts') districts = (args[++i] ?? usage('--district needs a value')).split(',');
    else if (a === '--include-terminated') includeTerminated = true;
    else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('--')) usage(`Unknown option ${a}`);
    else file = a;
  }
  if (!file) usage('Give the CSV file to load.');
  const db = createDb();
  const started = Date.now();
  try {
    const summary = await loadPostcodes(db, createReadStream(file), { districts, includeTerminated });
    const s = summary.skipped;
    console.log(
      `Read ${summary.read} rows; loaded ${summary.loaded} postcodes (${summary.withArea} linked to an area) in ${((Date.now() - started) / 1000).toFixed(1)}s.`,
    );
    console.log(
      `Skipped: ${s.terminated} terminated, ${s.no_location} without a location, ${s.bad_postcode} not a postcode, ${s.other_district} outside the districts asked for.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
