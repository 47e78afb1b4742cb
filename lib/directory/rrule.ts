// rrule ships an ES module for bundlers and a CommonJS bundle for Node, whose names Node's ES module
// loader only finds on the default export: take them from wherever they are.
import * as rrulePackage from 'rrule';

const rrule: typeof rrulePackage = (Reflect.get(rrulePackage, 'default') as typeof rrulePackage | undefined)?.RRule
  ? (Reflect.get(rrulePackage, 'default') as typeof rrulePackage)
  : rrulePackage;

export const { RRule, RRuleSet, Weekday } = rrule;
export type RRule = InstanceType<typeof rrulePackage.RRule>;
export type RRuleSet = InstanceType<typeof rrulePackage.RRuleSet>;
export type RRuleOptions = rrulePackage.Options;
