// Module hooks registered by bench/asset-imports.mjs (they run on Node's loader thread).
const ASSET = /\.(svg|png|jpe?g|webp|woff2?)$/;

export async function load(url, context, nextLoad) {
  if (ASSET.test(new URL(url).pathname)) {
    return { format: "module", source: `export default ${JSON.stringify(new URL(url).pathname)};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
