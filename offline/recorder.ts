/**
 * The recording mock monitor: Pulumi's own `MockMonitor`, extended to keep every registration
 * with what the engine would see (parent, dependencies, property dependencies, protect,
 * retainOnDelete, provider), and the mocks that answer with realistic outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { PlannedResource, SECRET_PLACEHOLDER, UNKNOWN_PLACEHOLDER } from "./plan";
import { OutputContext, mockCall, mockResourceOutputs } from "./outputs";

/** Signature keys of the Pulumi wire format (sdk/nodejs/runtime/rpc.ts). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SIG = {
  secret: "1b47061264138c4ac30d75fd1eb44270",
  resource: "5cf8f73096256a8f31e491e813e4eb8e",
  outputValue: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
  asset: "c44067f5952c0a294b673a41bacd8c17",
  archive: "0def7320c3a5731c473e5ecbe6d01bc7",
};
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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

/** Answers resource registrations and invokes; StackReferences resolve to earlier stacks. */
export class OfflineMocks implements pulumi.runtime.Mocks {
  constructor(
    private readonly ctx: OutputContext,
    private readonly references: ReadonlyMap<string, ReferencedStack>,
  ) {}

  newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
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
    return mockResourceOutputs({ type: args.type, name: args.name, inputs: args.inputs }, this.ctx);
  }

  call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
    return mockCall(args.token, args.inputs, this.ctx);
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

/** URNs as the engine (and MockMonitor) build them: the parent's type chain, then this type. */
function urnFor(parent: string, type: string, name: string): string {
  const qualified = parent ? `${parent.split("::")[2].split("$").pop()}$${type}` : type;
  return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${qualified}::${name}`;
}

/** A `MockMonitor` that records every registration and the root stack's outputs. */
export class RecordingMonitor extends MockMonitor {
  readonly records: PlannedResource[] = [];
  /** The stack's registered outputs, in wire format (secrets still marked). */
  stackOutputs: Record<string, unknown> = {};
  stackUrn = "";

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
    const result = await this.mocks.newResource({
      type: e.type,
      name: e.name,
      inputs: pulumi.runtime.deserializeProperties(e.object ?? new structproto.Struct()),
      provider: e.provider,
      custom: e.custom,
      id: e.importId || undefined,
    });
    const secret = new Set(e.secretOutputs);
    const state = Object.fromEntries(
      Object.entries(result.state).map(([k, v]) => [k, secret.has(k) ? secretValue(v) : v]),
    );
    const urn = urnFor(e.parent, e.type, e.name);
    const serialized = await pulumi.runtime.serializeProperties("", state);
    this.resources.set(urn, { urn, id: result.id ?? null, state: serialized });
    if (e.type === "pulumi:pulumi:Stack") {
      this.stackUrn = urn;
    } else {
      const { object, importId: _importId, secretOutputs: _secretOutputs, ...fields } = e;
      this.records.push({
        urn,
        id: result.id || undefined,
        ...fields,
        inputs: redact(object?.toJavaScript() ?? {}) as Record<string, unknown>,
        outputs: redact(serialized) as Record<string, unknown>,
      });
    }
    return { urn, id: result.id ?? "", serialized };
  }
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
