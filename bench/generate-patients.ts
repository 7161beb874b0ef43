// Realistic, reproducible patients for the benchmarks: names in the ten languages' scripts with passport
// spellings, valid phone numbers for the country, trips spread over two years.
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { addDays } from '../src/shared/domain/intake/calendar-date';
import type { PatientIntake } from '../src/shared/domain/intake/patient-schema';
import type { LanguageTag } from '../src/shared/domain/intake/vocabulary';
import { seededRandom } from './seeded-random';

interface Locale {
  readonly language: LanguageTag;
  readonly country: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly phonePrefix: string;
  /** [native, latin] pairs of family names and given names. */
  readonly family: readonly (readonly [string, string])[];
  readonly given: readonly (readonly [string, string])[];
  readonly familyFirst: boolean;
  readonly separator: string;
}

const LOCALES: readonly Locale[] = [
  { language: 'ko', country: 'KR', timeZone: 'Asia/Seoul', currency: 'KRW', phonePrefix: '+8210', familyFirst: true, separator: '',
    family: [['김', 'Kim'], ['이', 'Lee'], ['박', 'Park'], ['최', 'Choi'], ['정', 'Jung'], ['강', 'Kang'], ['조', 'Cho'], ['윤', 'Yoon']],
    given: [['민지', 'Minji'], ['서연', 'Seoyeon'], ['지우', 'Jiwoo'], ['하은', 'Haeun'], ['수빈', 'Subin'], ['예은', 'Yeeun'], ['도윤', 'Doyun'], ['현우', 'Hyunwoo']] },
  { language: 'zh-Hans', country: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', phonePrefix: '+86138', familyFirst: true, separator: '',
    family: [['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['赵', 'Zhao'], ['黄', 'Huang']],
    given: [['芳', 'Fang'], ['丽娜', 'Lina'], ['静', 'Jing'], ['敏', 'Min'], ['晓燕', 'Xiaoyan'], ['婷婷', 'Tingting'], ['雪', 'Xue'], ['佳怡', 'Jiayi']] },
  { language: 'zh-Hant', country: 'TW', timeZone: 'Asia/Taipei', currency: 'TWD', phonePrefix: '+88691', familyFirst: true, separator: '',
    family: [['陳', 'Chen'], ['林', 'Lin'], ['黃', 'Huang'], ['張', 'Chang'], ['劉', 'Liu'], ['蔡', 'Tsai'], ['楊', 'Yang'], ['許', 'Hsu']],
    given: [['怡君', 'Yi-Chun'], ['雅婷', 'Ya-Ting'], ['佩珊', 'Pei-Shan'], ['淑芬', 'Shu-Fen'], ['詩涵', 'Shih-Han'], ['家豪', 'Chia-Hao'], ['嘉欣', 'Chia-Hsin'], ['鈺婷', 'Yu-Ting']] },
  { language: 'ja', country: 'JP', timeZone: 'Asia/Tokyo', currency: 'JPY', phonePrefix: '+8190', familyFirst: true, separator: ' ',
    family: [['佐藤', 'Sato'], ['鈴木', 'Suzuki'], ['高橋', 'Takahashi'], ['田中', 'Tanaka'], ['渡辺', 'Watanabe'], ['伊藤', 'Ito'], ['山本', 'Yamamoto'], ['中村', 'Nakamura']],
    given: [['さくら', 'Sakura'], ['ゆい', 'Yui'], ['美咲', 'Misaki'], ['陽菜', 'Hina'], ['あおい', 'Aoi'], ['ユナ', 'Yuna'], ['健太', 'Kenta'], ['はるか', 'Haruka']] },
  { language: 'th', country: 'TH', timeZone: 'Asia/Bangkok', currency: 'THB', phonePrefix: '+6681', familyFirst: false, separator: ' ',
    family: [['ใจดี', 'Jaidee'], ['สุขประเสริฐ', 'Sukprasert'], ['ศรีสุข', 'Srisuk'], ['วงศ์สวัสดิ์', 'Wongsawat'], ['บุญมา', 'Boonma'], ['ทองดี', 'Thongdee']],
    given: [['สมหญิง', 'Somying'], ['พิมพ์ชนก', 'Pimchanok'], ['ณัฐพล', 'Nattapon'], ['กาญจนา', 'Kanchana'], ['ปิยะนุช', 'Piyanuch'], ['อรุณี', 'Arunee']] },
  { language: 'vi', country: 'VN', timeZone: 'Asia/Ho_Chi_Minh', currency: 'VND', phonePrefix: '+8490', familyFirst: true, separator: ' ',
    family: [['Nguyễn', 'Nguyen'], ['Trần', 'Tran'], ['Lê', 'Le'], ['Phạm', 'Pham'], ['Hoàng', 'Hoang'], ['Đặng', 'Dang']],
    given: [['Thị Lan', 'Thi Lan'], ['Thu Hương', 'Thu Huong'], ['Ngọc Ánh', 'Ngoc Anh'], ['Minh Khoa', 'Minh Khoa'], ['Thảo Vy', 'Thao Vy'], ['Quỳnh Như', 'Quynh Nhu']] },
  { language: 'ru', country: 'RU', timeZone: 'Europe/Moscow', currency: 'RUB', phonePrefix: '+7916', familyFirst: false, separator: ' ',
    family: [['Смирнова', 'Smirnova'], ['Иванова', 'Ivanova'], ['Кузнецова', 'Kuznetsova'], ['Попова', 'Popova'], ['Соколова', 'Sokolova'], ['Лебедева', 'Lebedeva']],
    given: [['Анна', 'Anna'], ['Мария', 'Mariia'], ['Екатерина', 'Ekaterina'], ['Ольга', 'Olga'], ['Юлия', 'Iuliia'], ['Дарья', 'Daria']] },
  { language: 'mn', country: 'MN', timeZone: 'Asia/Ulaanbaatar', currency: 'MNT', phonePrefix: '+97699', familyFirst: true, separator: ' ',
    family: [['Батбаяр', 'Batbayar'], ['Ганбаатар', 'Ganbaatar'], ['Өлзийбаяр', 'Olziibayar'], ['Түмэнжаргал', 'Tumenjargal'], ['Баатар', 'Baatar']],
    given: [['Өнөржаргал', 'Unurjargal'], ['Үүрцэцэг', 'Uurtsetseg'], ['Сарангэрэл', 'Sarangerel'], ['Номин', 'Nomin'], ['Түвшинжаргал', 'Tuvshinjargal']] },
  { language: 'ar', country: 'SA', timeZone: 'Asia/Riyadh', currency: 'SAR', phonePrefix: '+96650', familyFirst: false, separator: ' ',
    family: [['الشمري', 'Al-Shammari'], ['القحطاني', 'Al-Qahtani'], ['العتيبي', 'Al-Otaibi'], ['الحربي', 'Al-Harbi'], ['الزهراني', 'Al-Zahrani']],
    given: [['فاطمة', 'Fatima'], ['نورة', 'Noura'], ['سارة', 'Sara'], ['مريم', 'Mariam'], ['عبدالله', 'Abdullah'], ['ريم', 'Reem']] },
  { language: 'en', country: 'US', timeZone: 'America/Los_Angeles', currency: 'USD', phonePrefix: '+1415', familyFirst: false, separator: ' ',
    family: [['Bennett', 'Bennett'], ['Johnson', 'Johnson'], ['Garcia', 'Garcia'], ['Miller', 'Miller'], ['Davis', 'Davis'], ['Wilson', 'Wilson']],
    given: [['Olivia', 'Olivia'], ['Emma', 'Emma'], ['Sophia', 'Sophia'], ['Ava', 'Ava'], ['Mia', 'Mia'], ['Chloe', 'Chloe']] },
];

const TOTAL_DIGITS: Record<string, number> = { KR: 12, CN: 13, TW: 12, JP: 12, TH: 11, VN: 11, RU: 11, MN: 11, SA: 12, US: 11 };

function phoneFor(locale: Locale, random: () => number): string {
  for (;;) {
    const missing = TOTAL_DIGITS[locale.country]! - (locale.phonePrefix.length - 1);
    let digits = '';
    for (let i = 0; i < missing; i++) digits += Math.floor(random() * 10);
    const phone = `${locale.phonePrefix}${digits}`;
    if (isValidPhoneNumber(phone)) return phone;
  }
}

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

export function generatePatients(count: number, seed = 20261124): PatientIntake[] {
  const random = seededRandom(seed);
  const patients: PatientIntake[] = [];
  for (let i = 0; i < count; i++) {
    const locale = LOCALES[i % LOCALES.length]!;
    const [familyNative, familyLatin] = pick(locale.family, random);
    const [givenNative, givenLatin] = pick(locale.given, random);
    const native = locale.familyFirst ? `${familyNative}${locale.separator}${givenNative}` : `${givenNative}${locale.separator}${familyNative}`;
    const arrival = addDays('2025-12-01', Math.floor(random() * 730));
    patients.push({
      names: { native, latin: `${givenLatin} ${familyLatin}` },
      birthDate: addDays('1965-01-01', Math.floor(random() * 14_000)),
      sex: random() < 0.85 ? 'female' : 'male',
      nationality: locale.country,
      languages: locale.language === 'en' ? ['en'] : [locale.language, 'en'],
      phone: phoneFor(locale, random),
      messengers: [],
      email: null,
      homeTimeZone: locale.timeZone,
      homeCurrency: locale.currency,
      trip: { arrival, departure: addDays(arrival, 5 + Math.floor(random() * 10)), stayAddress: 'Gangnam-gu, Seoul' },
      skin: { fitzpatrick: 1 + Math.floor(random() * 6), concerns: ['melasma'] },
      screening: {
        pregnant: false, breastfeeding: false, isotretinoinLastDose: null, retinoidLastUse: null, lastSunExposure: null,
        anticoagulants: false, bleedingDisorder: false, keloidHistory: false, herpesHistory: false, activeInfection: false,
        photosensitisingDrugs: false, autoimmune: false, diabetes: false, recentFillerOrToxin: null,
        allergies: { items: [], other: '' }, medications: '', notes: '',
      },
      consents: [],
    });
  }
  return patients;
}
