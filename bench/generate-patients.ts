// Realistic, reproducible patients for the benchmarks. Names are composed from small syllable and name tables in
// the ten languages' scripts, each piece carrying its passport spelling, so 100,000 patients get tens of
// thousands of distinct names (as a clinic's list would) instead of a few dozen repeated ones: how many rows a
// search matches is what its speed depends on. Phones are valid E.164 numbers of the country, trips are spread
// over two years, and everything comes from one seeded PRNG (see seeded-random.ts).
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { addDays } from '../src/shared/domain/intake/calendar-date';
import type { Consent, PatientIntake } from '../src/shared/domain/intake/patient-schema';
import type { LanguageTag, SkinConcern } from '../src/shared/domain/intake/vocabulary';
import { SKIN_CONCERNS } from '../src/shared/domain/intake/vocabulary';
import { seededRandom } from './seeded-random';
import { CLEAN_SCREENING } from '../tests/support/clean-screening';

type Random = () => number;
/** A name as written in its own script and as spelled in the passport. */
type Spelled = readonly [native: string, latin: string];

const pick = <T>(list: readonly T[], random: Random): T => list[Math.floor(random() * list.length)]!;
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
/** Splits "김 Kim, 이 Lee" into [native, latin] pairs: keeps the tables below short and readable. */
const pairs = (table: string): Spelled[] =>
  table
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const space = entry.indexOf(' ');
      return [entry.slice(0, space), entry.slice(space + 1)] as const;
    });
const words = (table: string) => table.split(/\s+/).filter(Boolean);

/** Passport spelling of a Vietnamese name: the letters without their diacritics. */
const withoutDiacritics = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').replace(/đ/g, 'd');

// ICAO 9303 transliteration of Russian Cyrillic, and a Mongolian passport spelling (Ө as "o", Ү as "u").
const RUSSIAN_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};
const MONGOLIAN_LATIN: Record<string, string> = {
  ...RUSSIAN_LATIN,
  ө: 'o',
  ү: 'u',
  е: 'ye',
  ё: 'yo',
  ж: 'j',
  ы: 'y',
  ь: 'i',
  ъ: 'i',
  ю: 'yu',
  я: 'ya',
  й: 'i',
};
const transliterate = (text: string, table: Record<string, string>) =>
  text
    .split(' ')
    .map((word) => capitalize([...word.toLowerCase()].map((char) => table[char] ?? char).join('')))
    .join(' ');

// --- Name tables -------------------------------------------------------------------------------------------------

const KO_FAMILY = pairs(
  '김 Kim, 이 Lee, 박 Park, 최 Choi, 정 Jung, 강 Kang, 조 Cho, 윤 Yoon, 장 Jang, 임 Lim, 한 Han, 오 Oh, 서 Seo, 신 Shin, 권 Kwon, 황 Hwang',
);
const KO_SYLLABLES = pairs(`민 min, 지 ji, 서 seo, 연 yeon, 수 su, 빈 bin, 하 ha, 은 eun, 예 ye, 도 do, 윤 yun, 현 hyun,
  우 woo, 준 jun, 영 young, 희 hee, 진 jin, 아 a, 유 yu, 나 na, 소 so, 혜 hye, 경 kyung, 성 sung, 태 tae, 재 jae,
  주 ju, 다 da, 채 chae, 원 won`);

const ZH_HANS_FAMILY = pairs(
  '王 Wang, 李 Li, 张 Zhang, 刘 Liu, 陈 Chen, 杨 Yang, 赵 Zhao, 黄 Huang, 周 Zhou, 吴 Wu, 徐 Xu, 孙 Sun, 马 Ma, 胡 Hu, 郭 Guo, 林 Lin',
);
const ZH_HANS_GIVEN = pairs(`芳 fang, 丽 li, 娜 na, 静 jing, 敏 min, 晓 xiao, 燕 yan, 婷 ting, 雪 xue, 佳 jia, 怡 yi, 欣 xin,
  悦 yue, 琳 lin, 颖 ying, 慧 hui, 玲 ling, 梅 mei, 华 hua, 红 hong, 霞 xia, 萍 ping, 洁 jie, 涛 tao, 伟 wei, 强 qiang,
  磊 lei, 军 jun, 明 ming, 雨 yu, 子 zi, 涵 han, 思 si, 诗 shi, 晨 chen, 琪 qi`);

const ZH_HANT_FAMILY = pairs(
  '陳 Chen, 林 Lin, 黃 Huang, 張 Chang, 李 Lee, 王 Wang, 吳 Wu, 劉 Liu, 蔡 Tsai, 楊 Yang, 許 Hsu, 鄭 Cheng, 謝 Hsieh, 郭 Kuo',
);
const ZH_HANT_GIVEN = pairs(`怡 yi, 君 chun, 雅 ya, 婷 ting, 佩 pei, 珊 shan, 淑 shu, 芬 fen, 詩 shih, 涵 han, 家 chia,
  豪 hao, 欣 hsin, 鈺 yu, 宜 yi, 庭 ting, 雯 wen, 惠 hui, 美 mei, 玲 ling, 俊 chun, 傑 chieh, 志 chih, 偉 wei,
  明 ming, 建 chien, 宏 hung, 慧 hui, 琪 chi, 筱 hsiao, 萱 hsuan`);

const JA_FAMILY = pairs(`佐藤 Sato, 鈴木 Suzuki, 高橋 Takahashi, 田中 Tanaka, 渡辺 Watanabe, 伊藤 Ito, 山本 Yamamoto,
  中村 Nakamura, 小林 Kobayashi, 加藤 Kato, 吉田 Yoshida, 山田 Yamada, 佐々木 Sasaki, 山口 Yamaguchi, 松本 Matsumoto,
  井上 Inoue, 木村 Kimura, 林 Hayashi, 清水 Shimizu, 森 Mori`);
const JA_KANJI_GIVEN = pairs(`優子 Yuko, 美咲 Misaki, 陽菜 Hina, 結衣 Yui, 葵 Aoi, 花子 Hanako, 愛 Ai, 真由美 Mayumi, 恵 Megumi,
  健太 Kenta, 翔太 Shota, 大輔 Daisuke, 直美 Naomi, 由美 Yumi, 彩 Aya, 舞 Mai, 七海 Nanami, 美穂 Miho, 千尋 Chihiro,
  智子 Tomoko`);
const JA_KANA = pairs(`さ sa, く ku, ら ra, ゆ yu, い i, あ a, お o, は ha, る ru, か ka, な na, み mi, ま ma, り ri, え e,
  こ ko, ち chi, ひ hi, の no, ほ ho, き ki, し shi, と to, ね ne, ゆう yu, あや aya`);
/** Hiragana to Katakana: the blocks are 0x60 apart. */
const katakana = (text: string) => [...text].map((char) => String.fromCodePoint(char.codePointAt(0)! + 0x60)).join('');

const TH_SYLLABLES = pairs(`สม som, หญิง ying, พิม pim, ชนก chanok, ณัฐ nat, พล phon, กาญ kan, จนา chana, ปิยะ piya, นุช nut,
  อรุณ arun, ศรี si, สุข suk, ใจ jai, ดี dee, วงศ์ wong, สวัสดิ์ sawat, บุญ boon, มา ma, ทอง thong, ประเสริฐ prasert,
  รัตน์ rat, ชัย chai, วัฒน์ wat, กิจ kit, ทิพย์ thip, สุดา suda, มณี manee, แก้ว kaew, จันทร์ chan, เพ็ญ phen,
  ศักดิ์ sak, ธนา thana, วิไล wilai`);

const VI_FAMILY = words('Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý');
const VI_MIDDLE = words('Thị Văn Ngọc Minh Thu Thanh Hồng Quốc Bảo Hữu Đức Kim Mỹ');
const VI_GIVEN = words(`Lan Hương Ánh Khoa Vy Như Linh Trang Hà Anh Nhung Thảo Hằng Phương Dung Tuấn Hùng Dũng Hải Long
  Nam Hạnh Yến Mai Chi Ngân Trâm Quyên Hiền Thủy`);

const RU_GIVEN_FEMALE = words(`Анна Мария Екатерина Ольга Юлия Дарья Анастасия Елена Наталья Татьяна Ирина Светлана Ксения
  Алина Виктория Полина Софья Валерия`);
const RU_GIVEN_MALE = words('Александр Дмитрий Сергей Андрей Алексей Иван Михаил Никита');
/** Male forms; the female form adds "а". */
const RU_FAMILY = words(`Смирнов Иванов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Петров Волков Соловьёв
  Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев Тарасов Белов Комаров
  Орлов Киселёв Макаров Андреев`);

/** Mongolian names are compounds of two such words: Энх + туяа, Бат + баяр, Өлзий + сайхан. */
const MN_PARTS = words(`Бат Болд Өлзий Сүх Ган Түмэн Нар Оюун Эрдэнэ Энх Мөнх Цэцэг Жаргал Баяр Гэрэл Туяа Үүр Номин
  Сарнай Хулан Ану Дорж Өнөр Түвшин Сайхан Мөнгөн`);

const AR_GIVEN_FEMALE = pairs(`فاطمة Fatima, نورة Noura, سارة Sara, مريم Mariam, ريم Reem, لطيفة Latifa, هند Hind, عائشة Aisha,
  خديجة Khadija, منى Mona, ليلى Layla, دانة Dana, جود Joud, شهد Shahad, رهف Rahaf, لمى Lama`);
const AR_GIVEN_MALE = pairs('عبدالله Abdullah, محمد Mohammed, أحمد Ahmed, خالد Khalid, فيصل Faisal, سلطان Sultan, عمر Omar, يوسف Yousef');
const AR_FAMILY = pairs(`الشمري Al-Shammari, القحطاني Al-Qahtani, العتيبي Al-Otaibi, الحربي Al-Harbi, الزهراني Al-Zahrani,
  الغامدي Al-Ghamdi, الدوسري Al-Dosari, العنزي Al-Enezi, المطيري Al-Mutairi, السبيعي Al-Subaie, الكعبي Al-Kaabi,
  المنصوري Al-Mansoori, النعيمي Al-Nuaimi`);

const EN_GIVEN = words(`Olivia Emma Sophia Ava Mia Chloe Charlotte Amelia Isabella Grace Lily Emily Hannah Madison Zoe Ella
  Harper Abigail Ruby Jessica Sarah Lauren Megan Rachel James Daniel Michael Ethan`);
const EN_FAMILY = words(`Bennett Johnson Garcia Miller Davis Wilson Smith Brown Taylor Anderson Thomas Martinez Robinson
  Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams Nelson Carter Mitchell Roberts Turner O'Brien`);

type Sex = 'female' | 'male';

/** One name of a language: [native, passport]. */
const NAMES: Record<LanguageTag, (random: Random, sex: Sex) => Spelled> = {
  ko(random) {
    const [family, familyLatin] = pick(KO_FAMILY, random);
    const [a, aLatin] = pick(KO_SYLLABLES, random);
    const [b, bLatin] = pick(KO_SYLLABLES, random);
    return [`${family}${a}${b}`, `${familyLatin} ${capitalize(aLatin + bLatin)}`];
  },
  'zh-Hans'(random) {
    const [family, familyLatin] = pick(ZH_HANS_FAMILY, random);
    const given = random() < 0.3 ? [pick(ZH_HANS_GIVEN, random)] : [pick(ZH_HANS_GIVEN, random), pick(ZH_HANS_GIVEN, random)];
    return [`${family}${given.map(([n]) => n).join('')}`, `${familyLatin} ${capitalize(given.map(([, l]) => l).join(''))}`];
  },
  'zh-Hant'(random) {
    const [family, familyLatin] = pick(ZH_HANT_FAMILY, random);
    const [a, aLatin] = pick(ZH_HANT_GIVEN, random);
    const [b, bLatin] = pick(ZH_HANT_GIVEN, random);
    return [`${family}${a}${b}`, `${familyLatin} ${capitalize(aLatin)}-${capitalize(bLatin)}`];
  },
  ja(random) {
    const [family, familyLatin] = pick(JA_FAMILY, random);
    let given: Spelled;
    if (random() < 0.5) given = pick(JA_KANJI_GIVEN, random);
    else {
      const morae = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(JA_KANA, random));
      const hiragana = morae.map(([n]) => n).join('');
      given = [random() < 0.2 ? katakana(hiragana) : hiragana, capitalize(morae.map(([, l]) => l).join(''))];
    }
    return [`${family} ${given[0]}`, `${familyLatin} ${given[1]}`];
  },
  th(random) {
    const compose = (count: number) => {
      const syllables = Array.from({ length: count }, () => pick(TH_SYLLABLES, random));
      return [syllables.map(([n]) => n).join(''), capitalize(syllables.map(([, l]) => l).join(''))] as const;
    };
    const [given, givenLatin] = compose(2);
    const [family, familyLatin] = compose(2 + Math.floor(random() * 2));
    return [`${given} ${family}`, `${givenLatin} ${familyLatin}`];
  },
  vi(random) {
    const parts = [pick(VI_FAMILY, random)];
    const middles = random() < 0.15 ? 2 : random() < 0.9 ? 1 : 0;
    for (let i = 0; i < middles; i++) parts.push(pick(VI_MIDDLE, random));
    parts.push(pick(VI_GIVEN, random));
    const native = parts.join(' ');
    return [native, withoutDiacritics(native)];
  },
  ru(random, sex) {
    const given = pick(sex === 'female' ? RU_GIVEN_FEMALE : RU_GIVEN_MALE, random);
    const family = pick(RU_FAMILY, random) + (sex === 'female' ? 'а' : '');
    const native = `${given} ${family}`;
    return [native, transliterate(native, RUSSIAN_LATIN)];
  },
  mn(random) {
    const compound = () => pick(MN_PARTS, random) + pick(MN_PARTS, random).toLowerCase();
    const [father, given] = [compound(), compound()];
    return [`${father} ${given}`, `${transliterate(given, MONGOLIAN_LATIN)} ${transliterate(father, MONGOLIAN_LATIN)}`];
  },
  ar(random, sex) {
    const [given, givenLatin] = pick(sex === 'female' ? AR_GIVEN_FEMALE : AR_GIVEN_MALE, random);
    const [father, fatherLatin] = pick(AR_GIVEN_MALE, random);
    const [family, familyLatin] = pick(AR_FAMILY, random);
    return [`${given} ${father} ${family}`, `${givenLatin} ${fatherLatin} ${familyLatin}`];
  },
  en(random) {
    const name = `${pick(EN_GIVEN, random)} ${pick(EN_FAMILY, random)}`;
    return [name, name];
  },
};

// --- Where patients come from ------------------------------------------------------------------------------------

interface Home {
  readonly country: string;
  readonly timeZone: string;
  readonly currency: string;
  /** Mobile prefixes in E.164, and how many digits follow them. */
  readonly prefixes: readonly string[];
  readonly digits: number;
}

const HOMES: Record<LanguageTag, readonly Home[]> = {
  ko: [
    { country: 'CA', timeZone: 'America/Toronto', currency: 'CAD', prefixes: ['+1416', '+1647'], digits: 7 },
    { country: 'US', timeZone: 'America/Los_Angeles', currency: 'USD', prefixes: ['+1213', '+1310'], digits: 7 },
  ],
  'zh-Hans': [{ country: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', prefixes: ['+86138', '+86139', '+86186'], digits: 8 }],
  'zh-Hant': [
    { country: 'TW', timeZone: 'Asia/Taipei', currency: 'TWD', prefixes: ['+88691', '+88693'], digits: 7 },
    { country: 'HK', timeZone: 'Asia/Hong_Kong', currency: 'HKD', prefixes: ['+8529', '+8526'], digits: 7 },
  ],
  ja: [{ country: 'JP', timeZone: 'Asia/Tokyo', currency: 'JPY', prefixes: ['+8190', '+8180'], digits: 8 }],
  th: [{ country: 'TH', timeZone: 'Asia/Bangkok', currency: 'THB', prefixes: ['+6681', '+6689'], digits: 7 }],
  vi: [{ country: 'VN', timeZone: 'Asia/Ho_Chi_Minh', currency: 'VND', prefixes: ['+8490', '+8498'], digits: 7 }],
  ru: [
    { country: 'RU', timeZone: 'Europe/Moscow', currency: 'RUB', prefixes: ['+7916', '+7925'], digits: 7 },
    { country: 'KZ', timeZone: 'Asia/Almaty', currency: 'KZT', prefixes: ['+7701'], digits: 7 },
  ],
  mn: [{ country: 'MN', timeZone: 'Asia/Ulaanbaatar', currency: 'MNT', prefixes: ['+97699', '+97688', '+97680'], digits: 6 }],
  ar: [
    { country: 'SA', timeZone: 'Asia/Riyadh', currency: 'SAR', prefixes: ['+96650', '+96655'], digits: 7 },
    { country: 'AE', timeZone: 'Asia/Dubai', currency: 'AED', prefixes: ['+97150'], digits: 7 },
    { country: 'KW', timeZone: 'Asia/Kuwait', currency: 'KWD', prefixes: ['+9656'], digits: 7 },
  ],
  en: [
    { country: 'US', timeZone: 'America/Los_Angeles', currency: 'USD', prefixes: ['+1415', '+1206'], digits: 7 },
    { country: 'GB', timeZone: 'Europe/London', currency: 'GBP', prefixes: ['+4477'], digits: 8 },
    { country: 'AU', timeZone: 'Australia/Sydney', currency: 'AUD', prefixes: ['+614'], digits: 8 },
  ],
};

const LANGUAGES = Object.keys(NAMES) as LanguageTag[];

/** A valid mobile number of the home: random digits after a real prefix, checked with the full metadata. */
function phoneFor(home: Home, random: Random): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let phone = pick(home.prefixes, random);
    for (let i = 0; i < home.digits; i++) phone += Math.floor(random() * 10);
    if (isValidPhoneNumber(phone)) return phone;
  }
  throw new Error(`No valid phone number for ${home.country} from ${home.prefixes.join(', ')}`);
}

function concernsFor(random: Random): SkinConcern[] {
  const concerns = new Set<SkinConcern>();
  const count = 1 + Math.floor(random() * 3);
  while (concerns.size < count) concerns.add(pick(SKIN_CONCERNS, random));
  return [...concerns];
}

const STAYS = ['Gangnam-gu, Seoul', 'Jung-gu, Seoul, Myeongdong', 'Seocho-gu, Seoul', 'Mapo-gu, Seoul, Hongdae', 'Yongsan-gu, Seoul'];

export function generatePatients(count: number, seed = 20261124): PatientIntake[] {
  const random = seededRandom(seed);
  const patients: PatientIntake[] = [];
  for (let i = 0; i < count; i++) {
    const language = LANGUAGES[i % LANGUAGES.length]!;
    const home = pick(HOMES[language], random);
    const sex: Sex = random() < 0.85 ? 'female' : 'male';
    const [native, latin] = NAMES[language](random, sex);
    const arrival = addDays('2025-12-01', Math.floor(random() * 730));
    const grantedAt = `${arrival}T10:00:00+09:00`;
    const consents: Consent[] = [{ kind: 'sensitive_data', grantedAt, withdrawnAt: null, textVersion: '2026-01' }];
    if (random() < 0.7) consents.push({ kind: 'photos_medical_record', grantedAt, withdrawnAt: null, textVersion: '2026-01' });
    patients.push({
      names: { native, latin },
      birthDate: addDays('1965-01-01', Math.floor(random() * 14_000)),
      sex,
      nationality: home.country,
      languages: language === 'en' ? ['en'] : [language, 'en'],
      phone: phoneFor(home, random),
      messengers: [],
      email: null,
      homeTimeZone: home.timeZone,
      homeCurrency: home.currency,
      trip: { arrival, departure: addDays(arrival, 5 + Math.floor(random() * 10)), stayAddress: pick(STAYS, random) },
      skin: { fitzpatrick: 1 + Math.floor(random() * 6), concerns: concernsFor(random) },
      // Fully screened, nothing to report: the bench measures search and saves, not the checks' findings.
      screening: structuredClone(CLEAN_SCREENING),
      consents,
    });
  }
  return patients;
}
