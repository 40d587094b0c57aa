import { useSubmitFor } from '../../core/useSubmit';

/** Mutations of this module refresh every assessment query (the lists and the open system). */
export const useSubmit = () => useSubmitFor([['assessment']]);
