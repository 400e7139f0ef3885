// comlink ships node-adapter.mjs with its types in node-adapter.d.ts, which TypeScript does not
// pair with a .mjs import; point it there.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
