import { proveSuite } from '../helpers/prove-suite.ts';

proveSuite('userapi', 'userapi-laravel');
