// Reference data named in the seed documents: the bulletin series, the 镇街 and districts, and the
// exemplary teams of the feature article (003). Figure stories quote the article word for word.
import type { SeedFigure, SeedRegion, SeedSeries, SeedTopic } from './types.ts'

/** 站点设置 of the demo district (the office that edits the bulletin series below). */
export const site = {
  siteName: '门头沟区文明创建',
  tagline: '创建全国文明城区',
  description: '门头沟区创建全国文明城区的工作动态、简报快报、政策文件和文明典型。',
  sponsor: '门头沟区创建全国文明城市工作领导小组办公室',
  phone: '69822006',
  email: 'mtgccbxcz@bjmtg.gov.cn',
}

export const series: SeedSeries[] = [
  {
    slug: 'mentougou-kuaibao',
    name: '门头沟区创建全国文明城市工作快报',
    kind: '工作快报',
    issuer: '门头沟区创建全国文明城市工作领导小组办公室',
    phone: '69822006',
    email: 'mtgccbxcz@bjmtg.gov.cn',
  },
  {
    slug: 'shoudu-jianbao',
    name: '首都精神文明建设情况简报',
    kind: '情况简报',
    issuer: '首都精神文明办',
    phone: '55569506',
    fax: '55569505',
    email: 'jswmzhxtc@163.com',
  },
]

/** 专题: the campaign the resolution (000) launched, which the bulletin (001) and the feature (003) report on. */
export const topics: SeedTopic[] = [
  {
    slug: 'sannian-chongci',
    name: '誓夺全国文明城区三年冲刺行动',
    description: '门头沟区2021—2023年誓夺全国文明城区三年冲刺行动的决议、部署和进展。',
  },
]

export const regions: SeedRegion[] = [
  { slug: 'mentougou', name: '门头沟区', kind: '区', district: '北京市' },
  { slug: 'dongxinfang', name: '东辛房街道', kind: '街道', district: '门头沟区' },
  { slug: 'yongding', name: '永定镇', kind: '镇', district: '门头沟区' },
  { slug: 'longquan', name: '龙泉镇', kind: '镇', district: '门头沟区' },
  { slug: 'junzhuang', name: '军庄镇', kind: '镇', district: '门头沟区' },
  { slug: 'wangping', name: '王平镇', kind: '镇', district: '门头沟区' },
  { slug: 'zhaitang', name: '斋堂镇', kind: '镇', district: '门头沟区' },
  { slug: 'dazu', name: '大足区', kind: '区', district: '重庆市' },
]

export const figures: SeedFigure[] = [
  {
    slug: 'jingxi-laobing',
    name: '京西老兵志愿服务队',
    kind: '集体',
    category: '志愿服务',
    region: '门头沟区',
    summary: '广泛吸纳退伍老兵开展红色宣讲、政策宣传等活动。',
    story:
      '京西老兵志愿服务队广泛吸纳退伍老兵开展红色宣讲、政策宣传等活动，增强干部群众和退役军人听党话、跟党走的思想自觉和行动自觉。',
    colors: ['#8a1c1c', '#d9a441'],
  },
  {
    slug: 'baiyu-sheyuan-jutuan',
    name: '柏峪社员剧团',
    kind: '集体',
    category: '志愿服务',
    region: '斋堂镇',
    summary: '斋堂镇柏峪村村民组建的剧团，打造“燕歌戏”文化品牌。',
    story:
      '斋堂镇柏峪村新时代文明实践站志愿者发动村民组建柏峪社员剧团，打造集历史文化、民俗文化于一体的“燕歌戏”文化品牌，在服务群众的过程中推动非物质文化遗产“燕歌戏”得到“活态”传承和保护。',
    colors: ['#1f5f8b', '#7fb7d9'],
  },
  {
    slug: 'jinguo-fazhi',
    name: '“巾帼法治”法治专项志愿服务中队',
    kind: '集体',
    category: '志愿服务',
    region: '门头沟区',
    summary: '定期深入社区、村、集市开展送法上门、巡回讲堂活动，创新开办“法治夜校”。',
    story:
      '“巾帼法治”法治专项志愿服务中队制定实事清单，定期深入社区、村、集市开展送法上门、巡回讲堂活动，创新开办“法治夜校”，以法治护航推进移风易俗，树立新风正气，提高群众知法、懂法、守法意识。',
    colors: ['#7a2d6b', '#e3a6c9'],
  },
  {
    slug: 'wenming-shijian-zongdui',
    name: '门头沟区新时代文明实践中心志愿服务总队',
    kind: '集体',
    category: '志愿服务',
    region: '门头沟区',
    summary: '定期联合所级中队、站级分队，围绕五个主题营造人人说文明话、办文明事、做文明人的社会氛围。',
    story:
      '门头沟区新时代文明实践中心志愿服务总队定期联合所级中队、站级分队，围绕“条例我践行、礼让斑马线、养犬讲规范、健康居家人、劳动创幸福”五个主题，着力营造人人说文明话、办文明事、做文明人的社会氛围。',
    colors: ['#2e6b3a', '#9fd0a4'],
  },
]
