/**
 * The recording mock monitor: Pulumi's own `MockMonitor`, extended to keep every registration
 * with what the engine would see (parent, dependencies, property dependencies, protect,
 * retainOnDelete, provider), and the mocks that answer with realistic outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import {
  specialArchiveSig,
  specialAssetSig,
  specialOutputValueSig,
  specialResourceSig,
  specialSecretSig,
  specialSigKey as SIG_KEY,
  unknownValue as UNKNOWN,
} from "@pulumi/pulumi/runtime/rpc";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { PlannedResource, SECRET_PLACEHOLDER, UNKNOWN_PLACEHOLDER } from "./plan";
import { OutputContext, mockCall, mockResourceOutputs } from "./outputs";
import { MockedPlan, planOf } from "./switchMocks";
import { RegistrationArgs, previewState } from "./preview";
import type { KnownSecret } from "./secretLeaks";

/** Signatures of the Pulumi wire format, as the SDK's own serializer writes them. */
const SIG = {
  secret: specialSecretSig,
  resource: specialResourceSig,
  outputValue: specialOutputValueSig,
  asset: specialAssetSig,
  archive: specialArchiveSig,
};

/**
 * Turns a serialized property value into plain JSON for the plan: secrets become "[secret]" (a
 * plan file must never hold one), resource references their URN, assets their source.
 */
export function redact(value: unknown): unknown {
  if (value === UNKNOWN) {
    return UNKNOWN_PLACEHOLDER;
  }
  if (Array.isArray(value)) {
    return value.map(redact);
  }
  if (typeof value !== "object" || value === null) {
    return value;
  }
  const obj = value as Record<string, unknown>;
  switch (obj[SIG_KEY]) {
    case SIG.secret:
      return SECRET_PLACEHOLDER;
    case SIG.resource:
      return obj.urn;
    case SIG.outputValue:
      return obj.secret
        ? SECRET_PLACEHOLDER
        : "value" in obj
          ? redact(obj.value)
          : UNKNOWN_PLACEHOLDER;
    case SIG.asset:
    case SIG.archive:
      return { asset: obj.path ?? obj.uri ?? (obj.text !== undefined ? "[text]" : "[archive]") };
    default:
      return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, redact(v)]));
  }
}

/** Every string inside a wire-format value that travels as a secret, with its dotted path. */
export function secretPlaintexts(
  value: unknown,
  at = "",
  inSecret = false,
): { path: string; value: string }[] {
  if (typeof value === "string") {
    return inSecret && value !== UNKNOWN ? [{ path: at, value }] : [];
  }
  const join = (k: string) => (at ? `${at}.${k}` : k);
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => secretPlaintexts(v, join(String(i)), inSecret));
  }
  if (typeof value !== "object" || value === null) return [];
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === SIG.secret) return secretPlaintexts(obj.value, at, true);
  if (obj[SIG_KEY] === SIG.outputValue) {
    return secretPlaintexts(obj.value, at, inSecret || obj.secret === true);
  }
  return Object.entries(obj).flatMap(([k, v]) => secretPlaintexts(v, join(k), inSecret));
}

/** A serialized value with every resource reference replaced by its URN (secrets kept). */
function referencesAsUrns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(referencesAsUrns);
  if (typeof value !== "object" || value === null) return value;
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === SIG.resource) return obj.urn;
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, referencesAsUrns(v)]));
}

/** A value in the wire format's secret envelope. */
export function secretValue(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SIG.secret, value };
}

/** Unwraps secrets (keeping their values) for outputs handed to another stack's reference. */
export function unwrapSecrets(value: unknown): { value: unknown; secret: boolean } {
  if (Array.isArray(value)) {
    const items = value.map(unwrapSecrets);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (typeof value !== "object" || value === null) {
    return { value, secret: false };
  }
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === SIG.secret) {
    return { value: unwrapSecrets(obj.value).value, secret: true };
  }
  const entries = Object.entries(obj).map(([k, v]) => [k, unwrapSecrets(v)] as const);
  return {
    value: Object.fromEntries(entries.map(([k, v]) => [k, v.value])),
    secret: entries.some(([, v]) => v.secret),
  };
}

/** Outputs of an already synthesized stack, as a StackReference to it must see them. */
export interface ReferencedStack {
  outputs: Record<string, unknown>;
  secretOutputNames: string[];
}

/**
 * Answers resource registrations and invokes; StackReferences resolve to earlier stacks. With
 * `preview` set, answers as a first `pulumi preview` does: what the provider computes (ids, ARNs,
 * endpoints) is unknown (`offline/preview.ts`), while invokes and StackReferences, which the CLI
 * reads during a preview too, stay known.
 */
export class OfflineMocks implements pulumi.runtime.Mocks {
  /** Region switch plans by ARN: their health checks are what an invoke reads back. */
  private readonly plans = new Map<string, MockedPlan>();

  constructor(
    private readonly ctx: OutputContext,
    private readonly references: ReadonlyMap<string, ReferencedStack>,
    private readonly preview = false,
  ) {}

  newResource(args: RegistrationArgs): pulumi.runtime.MockResourceResult {
    if (args.type === "pulumi:pulumi:StackReference") {
      const name = String(args.inputs.name);
      const referenced = this.references.get(name);
      if (!referenced) {
        const known = [...this.references.keys()].join(", ") || "none";
        throw new Error(
          `StackReference to ${name}: that stack was not synthesized in this run (known: ${known})`,
        );
      }
      // Secret outputs stay secret through the reference (and so out of this stack's plan).
      const outputs = Object.fromEntries(
        Object.entries(referenced.outputs).map(([k, v]) => [
          k,
          referenced.secretOutputNames.includes(k) ? secretValue(v) : v,
        ]),
      );
      return {
        id: name,
        state: { name, outputs, secretOutputNames: referenced.secretOutputNames },
      };
    }
    const known = mockResourceOutputs(
      { type: args.type, name: args.name, inputs: args.inputs },
      this.ctx,
    );
    if (args.type === "aws:arcregionswitch/plan:Plan") {
      this.plans.set(known.id, planOf(args.inputs));
    }
    return this.preview ? previewState(args, known) : known;
  }

  call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
    return mockCall(args.token, args.inputs, this.ctx, this.plans);
  }
}

type Callback = (err: unknown, response: unknown) => void;

/** Minimal view of the generated protobuf request classes the monitor receives. */
interface ProtoStruct {
  toJavaScript(): Record<string, unknown>;
}
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): structproto.Struct | undefined;
  getProtect?(): boolean | undefined;
  getRetainondelete?(): boolean | undefined;
  getProvider(): string;
  getRemote(): boolean;
  getIgnorechangesList(): string[];
  getImportid(): string;
  getAdditionalsecretoutputsList(): string[];
  getDependenciesList(): string[];
  getPropertydependenciesMap(): {
    forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void;
  };
}
interface ReadRequest {
  getId(): string;
  getType(): string;
  getName(): string;
  getParent(): string;
  getProperties(): structproto.Struct | undefined;
  getProvider(): string;
  getDependenciesList(): string[];
}

/** The root stack's type: the engine leaves it out of its children's qualified types. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * A URN as the Pulumi engine builds it (`NewURN` in pulumi/pulumi `sdk/go/common/resource/urn.go`,
 * called from the step generator): `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, where
 * the qualified type is the parent's whole qualified type, `$`, then this type, and a child of the
 * root stack has none of the stack's. The SDK's `MockMonitor` differs on both counts (it keeps only
 * the parent's last type and keeps `pulumi:pulumi:Stack`), so plans would carry URNs users never see.
 */
export function engineUrn(
  where: { stack: string; project: string },
  parent: string,
  type: string,
  name: string,
): string {
  const parentType = parent ? parent.split("::")[2] : "";
  const qualified = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
  return `urn:pulumi:${where.stack}::${where.project}::${qualified}::${name}`;
}

/** A `MockMonitor` that records every registration and the root stack's outputs. */
export class RecordingMonitor extends MockMonitor {
  readonly records: PlannedResource[] = [];
  /** Secret plaintexts providers and StackReferences handed out, for the plan's leak check. */
  readonly secrets: KnownSecret[] = [];
  /** The stack's registered outputs, in wire format (secrets still marked). */
  stackOutputs: Record<string, unknown> = {};
  stackUrn = "";

  constructor(
    mocks: pulumi.runtime.Mocks,
    private readonly where: { stack: string; project: string },
    /**
     * Hand the mocks resource references as their URNs instead of rehydrated resources. Serving a
     * program in another process (`languageHost.ts`), this process has no runtime configured to
     * serialize a rehydrated resource back, and whether one is rehydrated at all depends on which
     * SDKs this process happens to have loaded.
     */
    private readonly referencesAsUrns = false,
  ) {
    super(mocks);
  }

  override async registerResource(req: RegisterRequest, callback: Callback): Promise<void> {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
      propertyDependencies[key] = deps.getUrnsList();
    });
    const entry: Entry = {
      type: req.getType(),
      name: req.getName(),
      parent: req.getParent(),
      dependencies: req.getDependenciesList(),
      propertyDependencies,
      object: req.getObject(),
      protect: req.getProtect?.() ?? false,
      retainOnDelete: req.getRetainondelete?.() ?? false,
      ignoreChanges: req.getIgnorechangesList(),
      custom: req.getCustom(),
      remote: req.getRemote(),
      provider: req.getProvider(),
      importId: req.getImportid(),
      // The engine, not the SDK, marks these secret; MockMonitor skips that, which would leak
      // generated passwords into every plan file.
      secretOutputs: req.getAdditionalsecretoutputsList(),
    };
    try {
      const { urn, id, serialized } = await this.register(entry);
      const response = new resproto.RegisterResourceResponse();
      response.setUrn(urn);
      response.setId(id);
      response.setObject(
        structproto.Struct.fromJavaScript(
          serialized as Record<string, structproto.JavaScriptValue>,
        ),
      );
      callback(null, response);
    } catch (err) {
      callback(err, undefined);
    }
  }

  override async readResource(req: ReadRequest, callback: Callback): Promise<void> {
    const entry: Entry = {
      type: req.getType(),
      name: req.getName(),
      parent: req.getParent(),
      dependencies: req.getDependenciesList(),
      propertyDependencies: {},
      object: req.getProperties(),
      protect: false,
      retainOnDelete: false,
      custom: true,
      provider: req.getProvider(),
      importId: req.getId(),
      secretOutputs: [],
      read: true,
    };
    try {
      const { urn, serialized } = await this.register(entry);
      const response = new resproto.ReadResourceResponse();
      response.setUrn(urn);
      response.setProperties(
        structproto.Struct.fromJavaScript(
          serialized as Record<string, structproto.JavaScriptValue>,
        ),
      );
      callback(null, response);
    } catch (err) {
      callback(err, undefined);
    }
  }

  override registerResourceOutputs(
    req: { getUrn(): string; getOutputs(): ProtoStruct | undefined },
    callback: Callback,
  ): void {
    if (req.getUrn() === this.stackUrn) {
      this.stackOutputs = req.getOutputs()?.toJavaScript() ?? {};
    }
    super.registerResourceOutputs(req, callback);
  }

  /** Asks the mocks for outputs, applies secret outputs, and records the registration. */
  private async register(
    e: Entry,
  ): Promise<{ urn: string; id: string; serialized: Record<string, unknown> }> {
    // The inputs in wire format, converted from protobuf once: the mocks read them deserialized,
    // the plan redacted.
    const wire = (e.object?.toJavaScript() ?? {}) as Record<string, unknown>;
    const args: RegistrationArgs = {
      type: e.type,
      name: e.name,
      inputs: deserializeInputs(
        this.referencesAsUrns ? (referencesAsUrns(wire) as Record<string, unknown>) : wire,
      ),
      provider: e.provider,
      custom: e.custom,
      remote: e.remote,
      read: e.read,
      id: e.importId || undefined,
    };
    const result = await this.mocks.newResource(args);
    const secret = new Set(e.secretOutputs);
    const state = Object.fromEntries(
      Object.entries(result.state).map(([k, v]) => [k, secret.has(k) ? secretValue(v) : v]),
    );
    const urn = engineUrn(this.where, e.parent, e.type, e.name);
    const serialized = await pulumi.runtime.serializeProperties("", state);
    // The secrets a provider hands out (its additionalSecretOutputs: a RandomPassword's result),
    // and those a StackReference reads from the stack it references. Values the program itself
    // marks secret are not collected: it may mark public data secret, and an object holding one
    // secret becomes secret whole (an ElastiCache user's `authenticationMode.type`).
    const secretOutputs =
      e.type === "pulumi:pulumi:StackReference"
        ? secretPlaintexts(serialized)
        : e.secretOutputs.flatMap((k) => secretPlaintexts(result.state[k], k, true));
    for (const s of secretOutputs) {
      this.secrets.push({ value: s.value, source: `${e.type} "${e.name}" output ${s.path}` });
    }
    this.resources.set(urn, { urn, id: result.id ?? null, state: serialized });
    if (e.type === "pulumi:pulumi:Stack") {
      this.stackUrn = urn;
    } else {
      const { object: _object, importId: _importId, secretOutputs: _secretOutputs, ...fields } = e;
      this.records.push({
        urn,
        id: result.id || undefined,
        ...fields,
        inputs: redact(wire) as Record<string, unknown>,
        outputs: redact(serialized) as Record<string, unknown>,
      });
    }
    return { urn, id: result.id ?? "", serialized };
  }
}

/**
 * The SDK's `deserializeProperties`, key by key, on inputs already converted from protobuf (it would
 * convert the Struct itself, a second time): a key whose value is undefined is left out, as there.
 */
function deserializeInputs(wire: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wire)) {
    if (value !== undefined) inputs[key] = pulumi.runtime.deserializeProperty(value);
  }
  return inputs;
}

/** One registration (or read) as the monitor receives it. */
interface Entry {
  type: string;
  name: string;
  parent: string;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  object: structproto.Struct | undefined;
  protect: boolean;
  retainOnDelete: boolean;
  ignoreChanges?: string[];
  custom: boolean;
  remote?: boolean;
  provider: string;
  importId: string;
  secretOutputs: string[];
  read?: boolean;
}
