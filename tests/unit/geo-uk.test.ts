import { describe, expect, it } from 'vitest';
import { isPlausiblyInUk, ukPositionProblem } from '@/lib/geo/uk';

describe('isPlausiblyInUk', () => {
  it.each([
    ['Eastbrook (demo borough)', 51.4125, -0.7515],
    ['London', 51.5074, -0.1278],
    ['Penzance', 50.118, -5.537],
    ['Isles of Scilly', 49.915, -6.315],
    ['Dover', 51.128, 1.314],
    ['Great Yarmouth', 52.607, 1.729],
    ['Hull', 53.745, -0.336],
    ['Newcastle', 54.978, -1.617],
    ['Whitehaven', 54.549, -3.587],
    ['Blackpool', 53.817, -3.036],
    ['Holyhead', 53.309, -4.633],
    ['Aberystwyth', 52.415, -4.083],
    ['Cardiff', 51.481, -3.179],
    ['Stranraer', 54.903, -5.024],
    ['Edinburgh', 55.953, -3.188],
    ['Aberdeen', 57.149, -2.094],
    ['Stornoway', 58.209, -6.389],
    ['Thurso', 58.593, -3.522],
    ['Kirkwall', 58.981, -2.96],
    ['Lerwick', 60.155, -1.145],
    ['Belfast', 54.597, -5.93],
    ['Enniskillen', 54.344, -7.639],
    ['Derry', 54.997, -7.309],
    ['Newry', 54.176, -6.349],
    ['Ballycastle', 55.204, -6.242],
  ])('%s is in', (_name, lat, lng) => {
    expect(isPlausiblyInUk(lat, lng)).toBe(true);
  });

  it.each([
    ['Dublin', 53.35, -6.26],
    ['Dundalk', 54.0, -6.4],
    ['Letterkenny', 54.95, -7.73],
    ['Douglas, Isle of Man', 54.15, -4.48],
    ['St Helier, Jersey', 49.186, -2.107],
    ['Calais', 50.951, 1.858],
    ['Bergen', 60.39, 5.32],
    ['the middle of the North Sea', 56.0, 2.5],
    ['Null Island', 0, 0],
  ])('%s is not', (_name, lat, lng) => {
    expect(isPlausiblyInUk(lat, lng)).toBe(false);
  });

  it('refuses numbers that are not numbers', () => {
    expect(isPlausiblyInUk(Number.NaN, -0.75)).toBe(false);
    expect(isPlausiblyInUk(51.4, Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('ukPositionProblem', () => {
  it('says nothing about a position in the UK', () => {
    expect(ukPositionProblem(51.41, -0.75)).toBeNull();
  });

  it('spots latitude and longitude typed the wrong way round', () => {
    expect(ukPositionProblem(-0.75, 51.41)).toMatch(/wrong way round/);
  });

  it('says plainly when the position is somewhere else', () => {
    expect(ukPositionProblem(53.35, -6.26)).toMatch(/not in the UK/);
  });
});
