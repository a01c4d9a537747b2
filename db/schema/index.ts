export * from "./auth";
export * from "./crm";
export * from "./outreach";
export * from "./safety";
export * from "./telemetry";
export * from "./admin";
export * from "./runtime";
