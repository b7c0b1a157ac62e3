// Ten respondents, small enough to count by hand: the tab book's figures are
// checked on them in tests/core/tabs/tabs.test.ts (the engine) and
// tests/state/models/tabBook.test.ts (the page's view model).
//  #  gender  region  q    score  w
//  1  Men     North   Yes   10    1
//  2  Men     North   Yes   20    1
//  3  Men     South   No    30    2
//  4  Men     South   Yes   40    1
//  5  Women   North   No    50    1
//  6  Women   North   No    60    2
//  7  Women   South   Yes   70    1
//  8  Women   South   No     –    1
//  9  –       North   Yes   90    1
// 10  Women   –       –    100    1
import type { RespondentTable } from '../../src/core/table/types';
import { numeric, respondents, single } from './respondents';

/** The ten respondents above; `weighted`: weighted by w (otherwise unweighted, w a numeric question). */
export const tenRespondents = (weighted = false): RespondentTable =>
  respondents(
    [
      single(
        'gender',
        ['Men', 'Men', 'Men', 'Men', 'Women', 'Women', 'Women', 'Women', null, 'Women'],
        ['Men', 'Women'],
        'Gender',
      ),
      single(
        'region',
        ['North', 'North', 'South', 'South', 'North', 'North', 'South', 'South', 'North', null],
        ['North', 'South'],
      ),
      single(
        'q',
        ['Yes', 'Yes', 'No', 'Yes', 'No', 'No', 'Yes', 'No', 'Yes', null],
        ['Yes', 'No'],
        'Would you recommend us?',
      ),
      numeric('score', [10, 20, 30, 40, 50, 60, 70, null, 90, 100]),
      numeric('w', [1, 1, 2, 1, 1, 2, 1, 1, 1, 1]),
    ],
    { weightId: weighted ? 'w' : null },
  );
