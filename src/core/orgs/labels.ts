/**
 * Organisation types (机构类型) and their Chinese names. No imports: the web app imports
 * this file too, so the API's codes and the names the UI shows cannot drift apart.
 */
export const ORG_TYPES = {
  people_government: '人民政府',
  government_department: '政府工作部门',
  legal_affairs: '司法行政/法制机构',
  enforcement_agency: '执法机构',
  township_street: '乡镇街道',
  authorized_organization: '法律法规授权组织',
} as const;
