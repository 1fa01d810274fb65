/**
 * The service is compiled without Node's types (and without the DOM's), so that a use of `fs`, `Buffer`,
 * `process` or `require` does not compile here. These are the few globals it uses that ECMAScript does not
 * define: every runtime it runs in (Node, a browser, a web worker) has them, and none of them does I/O.
 * Only what the service calls is declared; add a global here only if it is pure in that sense.
 */

interface TextEncoderEncodeIntoResult { read: number; written: number }
interface TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): TextEncoderEncodeIntoResult;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };

declare function structuredClone<T>(value: T): T;
