// The `xliff` package ships no types: these declare the two converters we use, with the JS form
// as far as we write and read it (src/translation/xliffFile.ts checks what a file really holds).

declare module 'xliff/js2xliff' {
  /** One `<unit>`: its segment's source and target, its notes and extra attributes. */
  export interface XliffJsUnit {
    source: string;
    target?: string;
    note?: string | string[];
    additionalAttributes?: Record<string, string>;
  }
  /** A whole document: the languages and, per `<file>` id, its units by id. */
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage: string;
    resources: Record<string, Record<string, XliffJsUnit>>;
  }
  /** Writes XLIFF 2.0 (the default target version). */
  export default function js2xliff(js: XliffJs, options: { indent?: string }): Promise<string>;
}

declare module 'xliff/xliff2js' {
  /** Reads XLIFF 2.x into the JS form; what it returns is unchecked (see xliffFile.ts). */
  export default function xliff2js(xml: string): Promise<unknown>;
}
