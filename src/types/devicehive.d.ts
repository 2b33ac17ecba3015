// The devicehive npm client (2.x) ships no type declarations; the tests use it as the untyped client it is.
declare module 'devicehive';
