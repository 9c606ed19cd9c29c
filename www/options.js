// Generated from the table of options (core/src/options/mod.rs) by tests/options.rs (make options).
// [attribute, property, boolean attribute, part of the view state]
export const OPTIONS = [
  ['services', 'services', false, true],
  ['query', 'query', false, true],
  ['status', 'status', false, true],
  ['gaps', 'gaps', true, true],
  ['tags', 'tags', false, true],
  ['sort', 'sort', false, true],
  ['view', 'view', false, false],
  ['theme', 'theme', false, false],
  ['src', 'src', false, false],
  ['revision', 'revision', false, true],
  ['compare', 'compare', false, true],
  ['sync-url', 'syncUrl', true, false],
  ['wasm-url', 'wasmUrl', false, false],
  ['lang', 'lang', false, false],
  ['import', 'import', false, false],
];
// The prefixes of the alerts shown when the core cannot run, per shipped language, from the
// catalogs (core/src/i18n), by key
export const FATAL = {
  en: {"fatalGivenUp":"compliance-matrix stopped after repeated internal errors (reload the page to start again): ","fatalStart":"compliance-matrix could not start: ","fatalStopped":"This widget stopped after an internal error (change its data or options to try again): "},
  de: {"fatalGivenUp":"compliance-matrix wurde nach wiederholten internen Fehlern angehalten (laden Sie die Seite neu, um neu zu starten): ","fatalStart":"compliance-matrix konnte nicht starten: ","fatalStopped":"Dieses Widget wurde nach einem internen Fehler angehalten (ändern Sie Daten oder Optionen, um es erneut zu versuchen): "},
  fr: {"fatalGivenUp":"compliance-matrix s’est arrêté après des erreurs internes répétées (rechargez la page pour recommencer) : ","fatalStart":"compliance-matrix n’a pas pu démarrer : ","fatalStopped":"Ce widget s’est arrêté après une erreur interne (modifiez ses données ou ses options pour réessayer) : "},
  es: {"fatalGivenUp":"compliance-matrix se detuvo tras varios errores internos (vuelva a cargar la página para empezar de nuevo): ","fatalStart":"compliance-matrix no pudo iniciarse: ","fatalStopped":"Este widget se detuvo tras un error interno (cambie sus datos u opciones para volver a intentarlo): "},
  ja: {"fatalGivenUp":"内部エラーが繰り返し発生したため、compliance-matrix は停止しました（再開するには、ページを再読み込みしてください）: ","fatalStart":"compliance-matrix を起動できませんでした: ","fatalStopped":"内部エラーのため、このウィジェットは停止しました（再試行するには、データまたはオプションを変更してください）: "},
  ko: {"fatalGivenUp":"내부 오류가 반복되어 compliance-matrix가 중지되었습니다(다시 시작하려면 페이지를 새로 고치세요): ","fatalStart":"compliance-matrix를 시작할 수 없습니다: ","fatalStopped":"내부 오류로 이 위젯이 중지되었습니다(다시 시도하려면 데이터나 옵션을 변경하세요): "},
};
