import { StatutoryCalendar } from '../../src/core/calendar/calendar.ts';
import { chineseDaysExceptions, chineseDaysYears } from '../../src/core/calendar/seed.ts';
import { formatDayNumber, dayNumber } from '../../src/core/calendar/dates.ts';

/**
 * Working-day additions per second on one core (the deadline of every procedure step is
 * one), against the ceiling of a plain loop adding calendar days with `Date` over the same
 * inputs — both parse an ISO string and format one, so the ratio isolates the index.
 */
export async function runCalendarBench({ reps = 5, ops = 2_000_000 } = {}) {
  const cal = new StatutoryCalendar(chineseDaysExceptions(), chineseDaysYears());
  const base = dayNumber(2010, 1, 1);
  const inputs = Array.from({ length: 4096 }, (_, i) => formatDayNumber(base + ((i * 7919) % 6000)));
  const counts = Array.from({ length: 4096 }, (_, i) => 1 + ((i * 31) % 60));
  let sink = 0;
  const working = () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < ops; i++) sink += cal.addWorkingDays(inputs[i & 4095], counts[i & 4095]).due.length;
    return ops / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  const plainDate = () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < ops; i++) {
      const d = new Date(inputs[i & 4095]);
      d.setUTCDate(d.getUTCDate() + counts[i & 4095]);
      sink += d.toISOString().slice(0, 10).length;
    }
    return ops / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  working();
  plainDate(); // warm-up
  const opsPerSec: number[] = [];
  const baselineOpsPerSec: number[] = [];
  const ratio: number[] = [];
  for (let r = 0; r < reps; r++) {
    const a = working();
    const b = plainDate();
    opsPerSec.push(a);
    baselineOpsPerSec.push(b);
    ratio.push(a / b);
  }
  if (sink === 42) console.log('');
  return { workload: 'working-day additions/s (1 core) vs Date loop', opsPerSec, baselineOpsPerSec, ratio };
}
