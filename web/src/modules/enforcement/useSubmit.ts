import { useSubmitFor } from '../../core/useSubmit';

/** Mutations refresh this module's lists, the procedure panels whose guards an act may satisfy, and 我的待办. */
export const useSubmit = () => useSubmitFor([['enforcement'], ['procedure'], ['my-deadlines']]);
