/** States in which a document is in force: published, never a draft (seed 001 §3(三)1). */
export const IN_FORCE: readonly string[] = ['published', 'filed', 'correction', 'approved'];
export const inForce = (status: string) => (IN_FORCE as readonly string[]).includes(status);
