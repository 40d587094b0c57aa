/**
 * Result files of an assessment round: the notice of one organisation's result (.docx, laid
 * out as an official 通报) and the round's results workbook (.xlsx: ranking, and each
 * organisation's leaf scores with the level-1 subtotals).
 */
import ExcelJS from 'exceljs';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { conflict } from '../../core/http/errors.ts';
import { chineseDate, noticeDocx, type NoticeBlock } from '../../core/docx/notice.ts';
import { adb } from './schema.ts';
import { orgSheet } from './rounds.ts';
import { rankingOf, roundData } from './dashboard.ts';
import { leavesInOrder, levelOneRollup, treeOrder } from './dashboard-rules.ts';
import { GRADE_TEXT, round2, type Grade } from './scoring.ts';

type Num = string | number | null;
/** A number as written in the notice: at most two decimals, no trailing zeros. */
const fmt = (v: Num) => (v == null ? '—' : String(round2(Number(v))));
const vetoText = (v: Num) => (v == null ? '—' : Number(v) === 1 ? '发生' : '未发生');

/**
 * 考核结果通报 for one organisation of a published round: total, grade, rank, vetoes, the
 * level-1 indicators, the indicators that lost points and why, and where the review changed
 * the self-assessment. Visible to the organising office and to the organisation itself.
 */
export async function orgReportDocx(s: Services, actor: Actor, roundId: number, orgId: number): Promise<{ filename: string; data: Buffer }> {
  const { round, org, items } = await orgSheet(s, actor, roundId, orgId);
  if (round.status !== 'published') throw conflict('round_not_published', { zh: '考核结果尚未公布，不能出具结果通报', en: 'The round is not published yet' });
  const [nodes, members, office, system] = await Promise.all([
    adb(s.db).selectFrom('assessment_nodes').select(['id', 'parent_id', 'code', 'title', 'sort_order', 'points', 'method']).where('system_id', '=', round.system_id).execute(),
    adb(s.db).selectFrom('assessment_round_orgs as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(['m.org_id', 'o.assessment_category']).where('m.round_id', '=', roundId).execute(),
    s.db.selectFrom('orgs').select('name').where('id', '=', round.org_id).executeTakeFirstOrThrow(),
    adb(s.db).selectFrom('assessment_systems').select(['name', 'edition']).where('id', '=', round.system_id).executeTakeFirstOrThrow(),
  ]);
  const order = new Map(treeOrder(nodes).map((e, i) => [e.node.id, i]));
  const leaves = [...items].sort((a, b) => (order.get(a.node_id) ?? 0) - (order.get(b.node_id) ?? 0));
  const grade = org.grade as Grade | null;
  const gradeText = grade ? GRADE_TEXT[grade] : '未定等次';
  const pointsOf = (list: typeof items) => round2(list.reduce((a, i) => a + Number(i.points), 0));
  // Why the maximum is below the system's total: veto items carry no points, not-applicable ones leave the maximum.
  const outside = [
    [pointsOf(leaves.filter((i) => i.method === 'veto')), '一票否决指标不计分'],
    [pointsOf(leaves.filter((i) => i.method !== 'veto' && i.score == null)), '指标不适用，不计入满分'],
  ] as const;
  const maxNote = outside.filter(([p]) => p > 0).map(([p, why]) => `${fmt(p)}分的${why}`).join('，');

  const categories = new Set(members.map((m) => m.assessment_category));
  const group = categories.size === 1 && [...categories][0] ? `个${[...categories][0]}` : '个';
  const rank = org.rank == null ? '未排名' : `在本轮考核的${members.length}${group}单位中排名第${org.rank}`;
  const result = `你单位考核得分${fmt(org.score)}分，适用满分${fmt(org.max)}分${maxNote ? `（${maxNote}）` : ''}，得分率${fmt(org.percent)}%，考核等次为“${gradeText}”，${rank}。`;
  const veto = org.vetoed ? [{ text: `你单位存在一票否决情形，考核等次确定为“${gradeText}”：${org.reasons.join('；')}。` }] : [];

  const rollup = levelOneRollup(nodes, items.map((i) => ({ org_id: orgId, node_id: i.node_id, score: i.score })), [orgId]);
  const levelOne: NoticeBlock = {
    columns: [
      { title: '一级指标', width: 6, align: 'left' },
      { title: '分值', width: 1.4 },
      { title: '适用分值', width: 1.6 },
      { title: '得分', width: 1.4 },
      { title: '得分率', width: 1.6 },
    ],
    rows: rollup.nodes.map((n, i) => {
      const c = rollup.orgs[0].cells[i];
      return [`${n.code}、${n.title}`, fmt(n.points), fmt(c.max), c.max > 0 ? fmt(c.score) : '—', c.percent == null ? '—' : `${fmt(c.percent)}%`];
    }),
  };

  const lost = leaves.filter((i) => i.method !== 'veto' && i.score != null && Number(i.score) < Number(i.points));
  const lostBlock: NoticeBlock[] = lost.length
    ? [
        { text: `你单位共有${lost.length}项指标失分，合计失分${fmt(lost.reduce((a, i) => a + Number(i.points) - Number(i.score), 0))}分，具体如下：` },
        {
          columns: [
            { title: '编号', width: 1.6 },
            { title: '指标', width: 4.5, align: 'left' },
            { title: '分值', width: 1.1 },
            { title: '得分', width: 1.1 },
            { title: '失分', width: 1.1 },
            { title: '说明', width: 4.5, align: 'left' },
          ],
          rows: lost.map((i) => [i.code, i.title, fmt(i.points), fmt(i.score), fmt(Number(i.points) - Number(i.score)), [i.explanation, i.review_note && `审核意见：${i.review_note}`].filter(Boolean).join('；')]),
        },
      ]
    : [{ text: '你单位各项适用指标均得满分。' }];

  const changed = leaves.filter((i) => i.self_score != null && i.review_score != null && Number(i.self_score) !== Number(i.review_score));
  const shown = (i: (typeof items)[number], v: Num) => (i.method === 'veto' ? vetoText(v) : fmt(v));
  const changedBlock: NoticeBlock[] = changed.length
    ? [
        { text: `考核机构审核时调整了你单位${changed.length}项指标的自评结果，调整情况及理由如下：` },
        {
          columns: [
            { title: '编号', width: 1.6 },
            { title: '指标', width: 4.5, align: 'left' },
            { title: '自评', width: 1.3 },
            { title: '审核', width: 1.3 },
            { title: '理由', width: 5, align: 'left' },
          ],
          rows: changed.map((i) => [i.code, i.title, shown(i, i.self_score), shown(i, i.review_score), i.review_note ?? '—']),
        },
      ]
    : [{ text: '审核结果与你单位自评结果一致。' }];

  const period = `${chineseDate(round.period_from)}至${chineseDate(round.period_to)}`;
  const data = await noticeDocx({
    title: `关于${org.name}${round.name}结果的通报`,
    to: org.name,
    authority: office.name,
    date: round.published_on ?? s.today(),
    blocks: [
      { text: `根据${round.name}工作安排，${office.name}依据《${system.name}》（第${system.edition}版），对你单位${period}法治政府建设情况进行了考核。经单位自评、考核机构审核，考核结果已于${chineseDate(round.published_on ?? s.today())}公布。现将你单位考核结果通报如下。` },
      { heading: '一、考核结果' },
      { text: result },
      ...veto,
      { heading: '二、各项指标得分情况' },
      levelOne,
      { heading: '三、失分指标' },
      ...lostBlock,
      { heading: '四、自评与审核差异' },
      ...changedBlock,
      { text: '请你单位对照失分指标认真分析原因，制定整改措施，切实抓好整改落实。' },
    ],
  });
  return { filename: `${org.name}${round.name}结果通报.docx`, data };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const header = (row: ExcelJS.Row) =>
  row.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = HEADER_FILL;
  });

/**
 * 考核结果汇总 of a round, for whoever may read the round: sheet 考核排名 (one row per
 * organisation) and sheet 得分明细 (organisations × leaves, a 小计 after each level-1
 * indicator, then the total). An open round gives its results so far, marked as such.
 */
export async function roundResultsXlsx(s: Services, actor: Actor, roundId: number): Promise<{ filename: string; data: Buffer }> {
  const data = await roundData(s, actor, roundId);
  const { round, nodes, scores } = data;
  const open = round.status === 'open';
  const ranking = rankingOf(data);
  const wb = new ExcelJS.Workbook();
  wb.creator = data.office;
  wb.title = round.name;

  const ws = wb.addWorksheet('考核排名', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '单位', width: 30 },
    { header: '类别', width: 16 },
    { header: '得分', width: 10 },
    { header: '适用满分', width: 10 },
    { header: '得分率(%)', width: 10 },
    { header: '等次', width: 8 },
    { header: '排名', width: 8 },
    { header: '一票否决', width: 10 },
    { header: '否决原因', width: 50 },
  ];
  header(ws.getRow(1));
  for (const r of ranking) {
    const row = ws.addRow([r.orgName, r.category ?? '', r.score, r.max, r.percent, r.grade ? GRADE_TEXT[r.grade] : '', r.rank, r.vetoed ? '是' : '否', r.reasons.join('；')]);
    row.getCell(9).alignment = { wrapText: true, vertical: 'top' };
  }
  if (open) ws.addRow([`本轮考核尚未公布，以上为截至${s.today()}已计分指标的临时结果。`]).getCell(1).font = { italic: true, color: { argb: 'FFC00000' } };

  // 得分明细: row 1 the level-1 indicators (merged over their leaves and 小计), row 2 the leaf codes (title as a note), row 3 the points.
  const leaves = leavesInOrder(nodes);
  const rollup = levelOneRollup(nodes, scores, ranking.map((r) => r.orgId));
  const m = wb.addWorksheet('得分明细', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  const heads: { top: string; code: string; points: number; note?: string; cell: { leaf: number } | { subtotal: number } }[] = [];
  for (const [i, top] of rollup.nodes.entries()) {
    const name = `${top.code}、${top.title}`;
    for (const l of leaves.filter((e) => e.top.id === top.id)) heads.push({ top: name, code: l.node.code, points: Number(l.node.points), note: l.node.title, cell: { leaf: l.node.id } });
    heads.push({ top: name, code: '小计', points: top.points, cell: { subtotal: i } });
  }
  const last = heads.length + 3;
  m.getRow(1).values = ['单位', '类别', ...heads.map((h) => h.top), '总分'];
  m.getRow(2).values = ['', '', ...heads.map((h) => h.code)];
  m.getRow(3).values = ['分值', '', ...heads.map((h) => h.points), round2(rollup.nodes.reduce((a, n) => a + n.points, 0))];
  for (let r = 1; r <= 3; r++) header(m.getRow(r));
  heads.forEach((h, i) => {
    m.getColumn(3 + i).width = 10;
    if (h.note) m.getCell(2, 3 + i).note = h.note;
    if (i > 0 && heads[i - 1].top === h.top) return;
    const span = heads.filter((x) => x.top === h.top).length;
    if (span > 1) m.mergeCells(1, 3 + i, 1, 2 + i + span);
  });
  m.mergeCells(1, 1, 2, 1);
  m.mergeCells(1, 2, 3, 2);
  m.mergeCells(1, last, 2, last);
  m.getColumn(1).width = 30;
  m.getColumn(2).width = 14;
  m.getRow(1).height = 48;

  const byKey = new Map(scores.map((sc) => [`${sc.org_id}:${sc.node_id}`, sc]));
  for (const [k, r] of ranking.entries()) {
    const cells = rollup.orgs[k].cells;
    const values = heads.map(({ cell: c }) => {
      if ('subtotal' in c) return cells[c.subtotal].score;
      const sc = byKey.get(`${r.orgId}:${c.leaf}`);
      if (sc?.score != null) return Number(sc.score);
      return sc?.status === 'not_applicable' ? '不适用' : null;
    });
    const row = m.addRow([r.orgName, r.category ?? '', ...values, r.score]);
    heads.forEach((h, i) => 'subtotal' in h.cell && (row.getCell(3 + i).font = { bold: true }));
  }
  return { filename: `${round.name}考核结果${open ? '（临时）' : ''}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
