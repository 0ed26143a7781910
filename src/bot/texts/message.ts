// A text of the catalog: a fixed string, or a function of the parameters a DomainError carries.
export type Message = string | ((params: Record<string, string | number>) => string);
