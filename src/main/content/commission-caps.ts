// The legal caps on agency commissions (resources/rules/commission-caps.json), read once and checked against their
// schema: a broken file stops the first use with the file named, never a commission computed without its cap.
import { readFileSync } from 'node:fs';
import { commissionCapsSchema, type CommissionCaps } from '../../shared/domain/payments/commission-caps';
import { resourcePath } from '../resources';

let loaded: CommissionCaps | undefined;

export function commissionCaps(): CommissionCaps {
  if (!loaded) {
    const path = resourcePath('rules', 'commission-caps.json');
    try {
      loaded = commissionCapsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new Error(`Cannot read ${path}: ${String(error)}`);
    }
  }
  return loaded;
}
