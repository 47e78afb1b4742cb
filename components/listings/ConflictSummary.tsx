/** Says that someone else saved first, and what they changed, without losing what was typed. */
export function ConflictSummary({
  title,
  intro,
  changes,
}: {
  title: string;
  intro: string;
  changes: ReadonlyArray<{ label: string; now: string }>;
}) {
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary__title">{title}</h2>
      <div className="error-summary__body">
        <p>Your changes are not saved yet. {intro}</p>
        <ul className="list-bullet">
          {changes.map((c) => (
            <li key={c.label}>
              <strong>{c.label}</strong>: now “{c.now}”
            </li>
          ))}
        </ul>
        <p>Check the form below. If yours is right, save again to replace their version with yours.</p>
      </div>
    </div>
  );
}
