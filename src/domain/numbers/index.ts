// «Смена номера»: the area's public face for scenes and jobs.
export { attemptsLeft } from './attempts.js';
export { type Category, categoryByCode, classifyStored, loadCategories, loadClassifier } from './catalog.js';
export { classifyNumber, compileRules, defaultCategoryRules } from './categories.js';
export { type ConfirmInput, confirmNumberChange, type NumberChanged } from './confirm.js';
export { releaseQuarantine } from './quarantine.js';
export { leaveNumberRequest } from './request.js';
export { type Reservation, reserveNumber } from './reserve.js';
export { type NumberChangeScreen, numberChangeScreen } from './screen.js';
export { type Offer, type RandomSource, type SearchInput, type SearchResult, searchNumbers } from './search.js';
