// hyparquet-compressors ships one declaration file for its index, whose
// snappy decoder is WebAssembly (which the app's Content Security Policy
// refuses). The reader imports the pure-JavaScript decoders one by one.
declare module 'hyparquet-compressors/src/brotli.js' {
  export function decompressBrotli(input: Uint8Array, outputLength: number): Uint8Array;
}
declare module 'hyparquet-compressors/src/lz4.js' {
  export function decompressLz4(input: Uint8Array, outputLength: number): Uint8Array;
  export function decompressLz4Raw(input: Uint8Array, outputLength: number): Uint8Array;
}
