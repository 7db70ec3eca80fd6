import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";

// The package's two entries: `@tf-orders/client` and `@tf-orders/client/raw`.
const entries = ["../src/index.ts", "../src/raw.ts"].map((path) => fileURLToPath(new URL(path, import.meta.url)));
const program = ts.createProgram(entries, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noEmit: true,
});
const checker = program.getTypeChecker();
const exported = entries.flatMap((entry) =>
  checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const tags = (target.declarations ?? []).flatMap((declaration) => ts.getJSDocTags(declaration));
    return [symbol.name, tags.some((tag) => tag.tagName.text === "example")] as const;
  }),
);

describe("every export is documented with an example", () => {
  test("the contract's names are all exported", () => {
    expect(exported.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "createTollFreeClient",
        "createRawClient",
        "validateOrderRequest",
        "parseTollFreeNumber",
        "isTollFree",
        "TollFreeApiError",
        "AuthenticationError",
        "PaymentRequiredError",
        "NotAcceptableError",
        "UnprocessableEntityError",
        "ValidationError",
        "ConnectionError",
        "TimeoutError",
        "UnexpectedResponseError",
        "OrderRequest",
        "Order",
        "paths",
        "components",
      ]),
    );
  });

  test.each(exported)("%s has a JSDoc @example", (_name, hasExample) => {
    expect(hasExample).toBe(true);
  });
});
