import type { ProposalClaim, ProposalDocument, ProposalSectionKey } from "@/db/schema";

/** The proposal's shapes and section names for the browser: types only from db/, no table code in a client bundle. */
export type { ProposalClaim, ProposalDocument, ProposalSectionKey };

export const SECTION_TITLES: Record<ProposalSectionKey, string> = { problem: "Problem", approach: "Approach", value: "Value", next_step: "Next step" };
/** The sections in the order a proposal reads. */
export const SECTION_ORDER = Object.keys(SECTION_TITLES) as ProposalSectionKey[];
