import { badInput } from './errors.ts';

/** The date of an act that has happened (a meeting held, a report sent): not after today. */
export function checkNotFuture(value: string, today: string, field: string) {
  if (value > today) throw badInput('date_in_future', field, { zh: `日期不能晚于今天：${value}`, en: `The date ${value} is in the future` });
}
