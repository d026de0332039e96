export type UpdateRequest = { issueKey: string; summary: string };
