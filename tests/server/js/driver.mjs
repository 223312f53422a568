// Drives the AWS SDK for JavaScript v3 against a workspaces_fake server, one JSON request per stdin line.
// Used by tests/server/test_js_sdk.py: the Python test moves the server's clock and sets fault rules between
// the calls it asks this driver to make. Request: {"op": "DescribeWorkspaces", "input": {...},
// "maxAttempts": 1, "paginate": false, "pageSize": 10}. Answer (one line): {"ok": true, "output": ...,
// "pages": [...]} or {"ok": false, "name", "message", "status", "attempts"}.
import * as sdk from "@aws-sdk/client-workspaces";
import readline from "node:readline";

const [endpoint, region] = process.argv.slice(2);
const clients = new Map();

function client(maxAttempts) {
  if (!clients.has(maxAttempts)) {
    clients.set(
      maxAttempts,
      new sdk.WorkSpacesClient({
        endpoint,
        region,
        maxAttempts,
        credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
      }),
    );
  }
  return clients.get(maxAttempts);
}

async function answer(request) {
  const used = client(request.maxAttempts ?? 1);
  if (request.paginate) {
    const paginator = sdk[`paginate${request.op}`]({ client: used, pageSize: request.pageSize }, request.input ?? {});
    const pages = [];
    for await (const page of paginator) pages.push(page);
    return { ok: true, pages };
  }
  const output = await used.send(new sdk[`${request.op}Command`](request.input ?? {}));
  return { ok: true, output };
}

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  let reply;
  try {
    reply = await answer(JSON.parse(line));
  } catch (error) {
    reply = {
      ok: false,
      name: error.name,
      message: error.message,
      status: error.$metadata?.httpStatusCode,
      attempts: error.$metadata?.attempts,
    };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
for (const used of clients.values()) used.destroy();
