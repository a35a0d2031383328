/**
 * Reading props during a first `pulumi preview`, when what another resource computes (a key's ARN,
 * a log group's ARN, an id) is not known yet. The CLI's analyzer hands rules their props wrapped in
 * `@pulumi/policy`'s unknown-checking proxy: reading such a value throws, and the rule's check turns
 * into an advisory "can't run during preview" note, so a mandatory rule would block nothing.
 *
 * Most checks only need to know that a key is configured, not its value: `kmsKeyId = key.arn` is
 * set, whatever ARN the key gets. `isSet` answers that past the proxy, which traps only property
 * reads (`Object.getOwnPropertyDescriptor` reaches the plain object behind it). A check that needs
 * the value itself still reads it normally and, when it is unknown, says so through the SDK's own
 * note: nothing is assumed about a value the rule cannot see.
 */

/**
 * The analyzer's proxy module. Its typings are stripped (marked internal), but it is what the
 * CLI's analyzer server (`@pulumi/policy/server.js`) wraps every rule's props in.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const analyzerProxy = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy<T extends object>(props: T): T;
  UnknownValueError: new (...args: unknown[]) => Error;
  unknownBooleanValue: string;
  unknownNumberValue: string;
  unknownStringValue: string;
  unknownArrayValue: string;
  unknownAssetValue: string;
  unknownArchiveValue: string;
  unknownObjectValue: string;
};

/** The unknown sentinels, one per type (a preview's unknowns arrive as the string one). */
const UNKNOWN_SENTINELS = new Set([
  analyzerProxy.unknownBooleanValue,
  analyzerProxy.unknownNumberValue,
  analyzerProxy.unknownStringValue,
  analyzerProxy.unknownArrayValue,
  analyzerProxy.unknownAssetValue,
  analyzerProxy.unknownArchiveValue,
  analyzerProxy.unknownObjectValue,
]);

/** True for a value a preview cannot know (computed by another resource on create). */
export function isComputed(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** `obj[key]` as it is, unknown sentinel included, without tripping the analyzer's proxy. */
export function peek(obj: unknown, key: string | number): unknown {
  if (typeof obj !== "object" || obj === null) return undefined;
  return Object.getOwnPropertyDescriptor(obj, key)?.value;
}

/**
 * True when the value at `path` (dotted, e.g. `"accessLogSettings.destinationArn"`) is configured:
 * a non-empty literal, or a value another resource computes. Objects along the way are read
 * normally, so an object that is itself unknown still reports that the check could not run.
 */
export function isSet(obj: unknown, path: string): boolean {
  const keys = path.split(".");
  const last = keys.pop() as string;
  let parent: unknown = obj;
  for (const key of keys) {
    if (typeof parent !== "object" || parent === null) return false;
    parent = (parent as Record<string, unknown>)[key];
  }
  const value = peek(parent, last);
  return isComputed(value) || Boolean(value);
}
