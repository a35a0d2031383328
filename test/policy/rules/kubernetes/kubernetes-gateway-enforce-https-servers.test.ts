import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-gateway-enforce-https-servers";
const GW = "kubernetes:networking.istio.io/v1:Gateway";

describeResourceRule(RULE, {
  passes: [
    passes(GW, "the ALB-fronted shop gateway on HTTP (on the default allow-list)", (p) => {
      p.metadata.name = "shop-gateway";
      p.spec.servers = [{ port: { number: 8080, name: "http", protocol: "HTTP" }, hosts: ["*"] }];
    }),
    passes(GW, "a TLS passthrough server, protocol in lower case", (p) =>
      p.spec.servers.push({ port: { number: 15443, name: "tls", protocol: "tls" }, hosts: ["*"] }),
    ),
  ],
  violations: [
    violates(
      GW,
      "HTTP server without a redirect",
      (p) => delete p.spec.servers[1].tls,
      /port 80 speaks HTTP without TLS or an HTTPS redirect/,
    ),
    violates(
      GW,
      "the allow-listed shop gateway off the list",
      (p) => {
        p.metadata.name = "shop-gateway";
        p.spec.servers = [{ port: { number: 8080, name: "http", protocol: "HTTP" }, hosts: ["*"] }];
      },
      /port 8080 speaks HTTP/,
      { config: { tlsTerminatedUpstreamAllowList: [] } },
    ),
    violates(
      GW,
      "a TCP server",
      (p) =>
        p.spec.servers.push({ port: { number: 9000, name: "tcp", protocol: "TCP" }, hosts: ["*"] }),
      /server on port 9000 speaks TCP without TLS or an HTTPS redirect/,
    ),
    violates(
      GW,
      "a gateway of the allow-listed name in another namespace",
      (p) => {
        p.metadata = { name: "shop-gateway", namespace: "shop" };
        delete p.spec.servers[1].tls;
      },
      /server on port 80 speaks HTTP/,
    ),
  ],
});
