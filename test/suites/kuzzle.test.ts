import { proveSuite } from '../helpers/prove-suite.ts';

proveSuite('kuzzle', 'kuzzle-2.56');
