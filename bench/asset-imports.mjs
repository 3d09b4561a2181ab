// `node --import tsx --import ./bench/asset-imports.mjs`: lets the baseline
// import the app's components under tsx. Remix's compiler turns an imported
// asset file (the icons' sprite.svg) into its URL; Node has no such loader, so
// these hooks answer such an import with the file's path as the default export.
import { register } from "node:module";

register("./asset-imports-hooks.mjs", import.meta.url);
