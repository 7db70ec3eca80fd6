import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const program = ts.createProgram([entry], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noEmit: true,
});
const checker = program.getTypeChecker();
const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
const exported = checker.getExportsOfModule(moduleSymbol).map((symbol) => {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const tags = (target.declarations ?? []).flatMap((declaration) => ts.getJSDocTags(declaration));
  return [symbol.name, tags.some((tag) => tag.tagName.text === "example")] as const;
});

describe("every export is documented with an example", () => {
  test("the contract's names are all exported", () => {
    expect(exported.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "createTollFreeClient",
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
