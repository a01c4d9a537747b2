// A graph whose module fails to load: the runtime must fail only this assistant's runs.
export {};
throw new Error("this graph module is broken on purpose");
