/** Longest document text accepted (characters); a normative document is far shorter. */
export const MAX_BODY = 200_000;
