import { expect } from "chai";
import {
  MAINTENANCE_DATABASE,
  bootstrapSql,
  databaseName,
  serviceStatements,
} from "../../services/databaseSql";

/** Every statement of the script that names a role or a database, with what it names. */
function grants(sql: string): { statement: string; db?: string; role?: string }[] {
  return sql
    .split("\n")
    .filter((l) => /^(GRANT|REVOKE)/.test(l))
    .map((statement) => ({
      statement,
      db: /ON DATABASE "?([a-z0-9_]+)"?/.exec(statement)?.[1],
      role: /TO "([a-z0-9_]+)"/.exec(statement)?.[1],
    }));
}

describe("services/databaseSql", () => {
  const table: [string, string[]][] = [
    ["one service", ["order"]],
    ["the catalog's Aurora-bound services", ["product", "user", "order", "payment", "inventory"]],
    ["duplicates and any order", ["user", "product", "user"]],
  ];
  for (const [title, services] of table) {
    it(`gives ${title} exactly its database, role and grants, and nothing else`, () => {
      const sql = bootstrapSql(services);
      const unique = [...new Set(services)].sort();
      // One guarded CREATE ROLE … LOGIN and one guarded CREATE DATABASE per service.
      expect([...sql.matchAll(/CREATE ROLE "([a-z_]+)" LOGIN;/g)].map((m) => m[1])).to.deep.equal(
        unique,
      );
      expect(
        [...sql.matchAll(/SELECT 'CREATE DATABASE "([a-z_]+)"' WHERE NOT EXISTS/g)].map(
          (m) => m[1],
        ),
      ).to.deep.equal(unique.map(databaseName));
      expect([...sql.matchAll(/GRANT rds_iam TO "([a-z_]+)";/g)].map((m) => m[1])).to.deep.equal(
        unique,
      );
      // Database privileges: each role on its own database only; PUBLIC loses its defaults on
      // every service database and on the maintenance database.
      const onDatabases = grants(sql).filter((g) => g.db !== undefined);
      for (const g of onDatabases.filter((x) => x.statement.startsWith("GRANT")))
        expect(g.role, g.statement).to.equal(g.db);
      expect(
        onDatabases.filter((g) => g.statement.startsWith("REVOKE ALL")).map((g) => g.db),
      ).to.have.members([MAINTENANCE_DATABASE, ...unique]);
      expect(onDatabases.filter((g) => g.statement.startsWith("REVOKE ALL"))).to.satisfy(
        (list: { statement: string }[]) => list.every((g) => g.statement.endsWith("FROM PUBLIC;")),
      );
      // Every role named anywhere is one of the services (or rds_iam, granted to them).
      const named = [...sql.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
      expect(new Set(named)).to.deep.equal(new Set(unique));
      // Schema privileges are set inside each database, then psql returns to the maintenance one.
      for (const s of unique) {
        const block = serviceStatements(s).join("\n");
        expect(block).to.include(`\\connect ${s}\nREVOKE ALL ON SCHEMA public FROM PUBLIC;`);
        expect(block).to.include(`GRANT USAGE, CREATE ON SCHEMA public TO "${s}";`);
        expect(block.trim().endsWith(`\\connect ${MAINTENANCE_DATABASE}`)).to.equal(true);
      }
    });
  }

  it("is idempotent by construction: creates are guarded, nothing drops, CREATE DATABASE runs outside a transaction", () => {
    const sql = bootstrapSql(["product", "order"]);
    expect(sql).to.not.match(/\bDROP\b/);
    expect(sql).to.not.match(/\bBEGIN;|\bCOMMIT;/);
    expect(sql.split("\n")[1]).to.equal("\\set ON_ERROR_STOP on");
    for (const line of sql.split("\n").filter((l) => /CREATE (ROLE|DATABASE)/.test(l))) {
      expect(line, line).to.match(/IF NOT EXISTS|WHERE NOT EXISTS/);
      // A DO block is a transaction: CREATE DATABASE must not be in one.
      if (line.includes("CREATE DATABASE")) {
        expect(line.startsWith("DO")).to.equal(false);
        expect(line.endsWith("\\gexec")).to.equal(true);
      }
    }
    // The same services give the same text, whatever their order: the Job's digest is stable.
    expect(bootstrapSql(["order", "product"])).to.equal(sql);
  });

  it("quotes reserved words and refuses names that are not plain identifiers or are reserved", () => {
    expect(bootstrapSql(["order", "user"])).to.include('CREATE ROLE "order" LOGIN');
    for (const bad of ["Order", "order-v2", "1st", "shop", "postgres", "rds_iam", "pg_x", ""])
      expect(() => bootstrapSql([bad]), bad).to.throw(/is not a usable database or role name/);
  });
});
