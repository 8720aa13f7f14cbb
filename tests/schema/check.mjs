// An independent check of content-schema/: validates documents with ajv (JSON Schema 2020-12),
// a validator that shares no code with keiji. Usage:
//   node check.mjs SCHEMA_DIR FILE...
// Each FILE is checked against the schema its "$schema" member names (by file name; *.alert.json
// and *.envelope.json against the alert schemas), or against
// playlist.schema.json when it has none. Prints "valid FILE" or "invalid FILE: reason" per file;
// a file that is not JSON at all is invalid. Exit status 0 unless a schema itself is broken.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(join(process.cwd(), "package.json"));
const Ajv2020 = require("ajv/dist/2020").default;

const [schemaDir, ...files] = process.argv.slice(2);
// Strict mode also rejects mistakes in the schemas themselves (unknown keywords, bad patterns).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
const byFileName = new Map();
for (const name of readdirSync(schemaDir).filter((n) => n.endsWith(".schema.json")).sort()) {
  const schema = JSON.parse(readFileSync(join(schemaDir, name), "utf8"));
  ajv.addSchema(schema, name);
  byFileName.set(name, name);
}

for (const file of files) {
  let document;
  try {
    document = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.log(`invalid ${file}: not JSON (${error.message.replace(/\s+/g, " ")})`);
    continue;
  }
  // Alert payloads and envelopes are signed byte for byte, so they carry no "$schema" member:
  // their file names say what they are (*.alert.json, *.envelope.json).
  const byName = file.endsWith(".envelope.json") ? "alert-envelope.schema.json"
    : file.endsWith(".alert.json") ? "alert.schema.json" : null;
  const named = byName ?? (document && typeof document === "object" &&
      typeof document.$schema === "string" ? basename(document.$schema) : "playlist.schema.json");
  const validate = ajv.getSchema(byFileName.get(named) ?? "playlist.schema.json");
  if (validate(document)) {
    console.log(`valid ${file}`);
  } else {
    const first = validate.errors[0];
    console.log(`invalid ${file}: ${first.instancePath || "/"} ${first.message}`);
  }
}
