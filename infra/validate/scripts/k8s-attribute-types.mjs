// Prints, as JSON, the field → type map of every @kubernetes/client-node model reachable from the
// root models named on the command line. Run as a plain Node process because the package is ESM-only.
import * as k8s from '@kubernetes/client-node';

const types = {};
const pending = process.argv.slice(2);
while (pending.length > 0) {
  const name = pending.pop();
  if (types[name]) continue;
  const model = k8s[name];
  if (typeof model?.getAttributeTypeMap !== 'function') continue;
  types[name] = Object.fromEntries(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const type of Object.values(types[name])) {
    const inner = type.replace(/^Array<(.+)>$/, '$1').replace(/^\{ \[key: string\]: (.+); \}$/, '$1');
    if (/^V\d/.test(inner)) pending.push(inner);
  }
}
process.stdout.write(JSON.stringify(types));
