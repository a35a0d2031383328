/**
 * Runs one stack through the Pulumi CLI's own entry path: a separate `node` process started as the
 * Node.js language host starts it (`@pulumi/pulumi/cmd/run --monitor … --engine … --pwd <dir of
 * main> <program>`, with `PULUMI_CONFIG` and the runtime options in its environment; pulumi/pulumi
 * `sdk/nodejs/cmd/pulumi-language-nodejs/main.go`), talking gRPC to a resource monitor and an
 * engine served here on the loopback interface. The monitor is the same recording monitor and mocks
 * the in-process engine uses, so the two runs are comparable registration by registration.
 *
 * This is slower than the in-process run (a second process compiles and loads everything), so the
 * offline engine uses it to prove the entry path, not for every synthesis.
 */
import * as grpc from "@grpc/grpc-js";
import * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import * as resourceGrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
import { spawn } from "child_process";
import * as emptyProto from "google-protobuf/google/protobuf/empty_pb";
import { OFFLINE_ACCOUNT_ID } from "./outputs";
import { PlannedResource } from "./plan";
import { entryPoint } from "./program";
import { toRuntimeConfig } from "./projectConfig";
import { OfflineMocks, RecordingMonitor, ReferencedStack } from "./recorder";

export interface LanguageHostRun {
  projectDir: string;
  project: string;
  organization: string;
  stack: string;
  /** Structured config, as loaded from the YAML files. */
  config: Record<string, unknown>;
  secretKeys?: string[];
  references: ReadonlyMap<string, ReferencedStack>;
}

export interface LanguageHostResult {
  exitCode: number | null;
  records: PlannedResource[];
  /** Error and warning messages the program logged through the engine. */
  diagnostics: string[];
  stderr: string;
}

type Handler = (call: { request: unknown }, callback: grpc.sendUnaryData<unknown>) => void;
type MonitorCall = (req: never, callback: (err: unknown, response: unknown) => void) => void;

/** Adapts a MockMonitor method (request, callback) to a gRPC unary handler. */
function unary(method: MonitorCall, reply?: (response: unknown) => unknown): Handler {
  return (call, callback) =>
    method(call.request as never, (err, response) =>
      err ? callback(err as grpc.ServiceError) : callback(null, reply ? reply(response) : response),
    );
}

function listen(server: grpc.Server): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
}

/** Starts the program under `cmd/run` against a recording monitor; resolves when it exits. */
export async function runUnderLanguageHost(run: LanguageHostRun): Promise<LanguageHostResult> {
  const region = String(run.config["aws:region"] ?? "");
  const mocks = new OfflineMocks(
    { stack: run.stack, region, accountId: OFFLINE_ACCOUNT_ID },
    run.references,
  );
  const monitor = new RecordingMonitor(mocks, { stack: run.stack, project: run.project }, true);
  const diagnostics: string[] = [];
  let root = "";

  const server = new grpc.Server();
  server.addService(resourceGrpc.ResourceMonitorService, {
    supportsFeature: unary(monitor.supportsFeature.bind(monitor) as MonitorCall, (r) =>
      new resourceProto.SupportsFeatureResponse().setHassupport(
        (r as { getHassupport(): boolean }).getHassupport(),
      ),
    ),
    registerResource: unary(monitor.registerResource.bind(monitor) as MonitorCall),
    registerResourceOutputs: unary(
      monitor.registerResourceOutputs.bind(monitor) as MonitorCall,
      () => new emptyProto.Empty(),
    ),
    readResource: unary(monitor.readResource.bind(monitor) as MonitorCall),
    invoke: unary(monitor.invoke.bind(monitor) as MonitorCall),
    registerPackage: unary(monitor.registerPackage.bind(monitor) as MonitorCall),
  });
  server.addService(engineGrpc.EngineService, {
    log: ((call, callback) => {
      const req = call.request as engineProto.LogRequest;
      if (req.getSeverity() >= engineProto.LogSeverity.WARNING) diagnostics.push(req.getMessage());
      callback(null, new emptyProto.Empty());
    }) as Handler,
    getRootResource: ((_call, callback) =>
      callback(null, new engineProto.GetRootResourceResponse().setUrn(root))) as Handler,
    setRootResource: ((call, callback) => {
      root = (call.request as engineProto.SetRootResourceRequest).getUrn();
      callback(null, new engineProto.SetRootResourceResponse());
    }) as Handler,
  });
  const address = `127.0.0.1:${await listen(server)}`;

  const entry = entryPoint(run.projectDir);
  const args = [
    require.resolve("@pulumi/pulumi/cmd/run"),
    ...["--monitor", address, "--engine", address],
    ...["--project", run.project, "--stack", run.stack, "--organization", run.organization],
    ...["--pwd", entry.pwd, entry.program],
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PULUMI_CONFIG: JSON.stringify(toRuntimeConfig(run.config)),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(run.secretKeys ?? []),
    PULUMI_NODEJS_TYPESCRIPT: "true",
    // The project's `npm test` type-checks with the same tsconfig; here only the entry path and
    // the registrations are under test, so the child transpiles without its own type check.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    ...(entry.tsconfig ? { PULUMI_NODEJS_TSCONFIG_PATH: entry.tsconfig } : {}),
  };
  // The parent's TypeScript hook must not leak into the child: it registers ts-node itself, as the
  // CLI's language host does.
  delete env.NODE_OPTIONS;

  try {
    const { exitCode, stderr } = await new Promise<{ exitCode: number | null; stderr: string }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        child.stdout.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("close", (code) => resolve({ exitCode: code, stderr }));
      },
    );
    return { exitCode, records: monitor.records, diagnostics, stderr };
  } finally {
    server.forceShutdown();
  }
}
