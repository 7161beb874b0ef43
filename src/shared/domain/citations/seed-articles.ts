// The seed articles the catalog and the rules cite, by file name: the title a person reads instead of the file
// name, and the section headings a source may point at ("002_d65572b616b5df97.txt#Ensuring Your Safety"). Data,
// copied from /work/shared/seeds (tests/unit/citations/seed-articles.test.ts compares it with the files when they
// are there); kept here so that the main process and the renderer read the same titles without reading files.

export interface SeedArticle {
  /** The article's own title: the first line, or the front matter's title. */
  readonly title: string;
  /** Where the file has no title of its own: the words of its first sentence the title is taken from. */
  readonly titleFromText?: string;
  /** Section headings as the article writes them (markdown hashes and a trailing colon left out). */
  readonly sections: readonly string[];
}

export const SEED_ARTICLES: Readonly<Record<string, SeedArticle>> = {
  '000_0389e218a6a15942.txt': {
    title: 'Laser Toning Korea Guide 2019: How It Works',
    sections: [
      'What is Skin Pigmentation?',
      'Right Candidate for Laser Toning',
      'How does laser toning work?',
      'How long is the procedure',
      'Is there any side effect of Laser Toning?',
      'How to find the best clinics for laser toning in Korea?',
    ],
  },
  '001_c6a7195fe076f43f.txt': {
    // The file starts with its first section ("What it is in Korea"); its first sentence names the subject.
    title: 'Acne Scar Treatment in Korea',
    titleFromText: 'Acne scar treatment in Korea',
    sections: [
      'What it is in Korea',
      'Why it’s done in Korea',
      'Alternatives in Korea',
      'Preparation in Korea',
      'How it’s done in Korea',
      'Recovery in Korea',
      'Complications in Korea',
      'Treatment Options in Korea',
      'Conclusion in Korea',
    ],
  },
  '002_d65572b616b5df97.txt': {
    title: 'Korean Glass Skin Clinic Guide for Global Travelers',
    sections: [
      'Achieve Radiant "Glass Skin" The Korean Way: Your Ultimate Treatment Clinic Guide',
      'What is Glass Skin and Why Korea is the Global Hub',
      'The Korean Advantage in Dermatology',
      'Understanding Key Glass Skin Treatments and Procedures',
      '1. Skin Boosters and Injectables',
      '2. Laser and Light Therapies',
      '3. Facial Treatments and Peels',
      'Comparison of Popular Glass Skin Treatments',
      'Choosing the Right Glass Skin Clinic in Korea',
      'Key Factors for International Patients',
      'Popular Clinic Locales in Seoul',
      'A Guide to Popular Korean Glass Skin Clinic Characteristics',
      '1. Large-Scale Dermatology Chains',
      '2. Boutique or Specialized Dermatology Clinics',
      '3. Clinics with Dedicated International Departments',
      'Clinic Comparison Table (Generalized)',
      'Navigating Your Medical Journey: Practical Tips for International Visitors',
      'Before Your Trip: Research and Booking',
      'During Your Visit: Consultation and Treatment',
      'Pre-Treatment Checklist vs. Post-Treatment Care',
      'Cost Considerations and Budgeting for Glass Skin Treatments',
      'Estimated Price Ranges for Popular Treatments (Per Session)',
      'Tips for Budgeting',
      'Safety, Ethics, and Realistic Expectations',
      'Ensuring Your Safety',
      'Ethical Considerations',
      'Setting Realistic Expectations for Glass Skin',
      'Frequently Asked Questions (FAQ)',
      'Conclusion: Your Path to Luminous Glass Skin Awaits',
      'Medical Disclaimer',
      'Emergency Contact Information in Korea',
    ],
  },
};
