// Types for the `compliance-matrix` package: the <compliance-matrix> element, mount(),
// parseDataset(), catalog(), preload(), setWasmUrl() and ready. Importing the module registers the element (a
// second import is a no-op). JSX and template types: compliance-matrix/react, compliance-matrix/vue.

// ---------------------------------------------------------------------------------------------
// Dataset (the JSON schema; see docs/data-format.md)
// ---------------------------------------------------------------------------------------------

/** Whether a program covers a service. */
export type CellStatus = 'in-scope' | 'not-in-scope' | 'in-progress' | 'unknown';

/** A status with the source's own wording kept, e.g. `{status: 'in-progress', label: '3PAO Assessment'}`. */
export interface LabelledCell {
  status: CellStatus;
  label?: string | null;
}

/** One cell of the matrix: a bare status or a labelled one. */
export type DatasetCell = CellStatus | LabelledCell;

/** A titled link. */
export interface DatasetLink {
  title: string;
  url: string;
  note?: string;
}

/** A column of the matrix (an AWS container service). */
export interface DatasetService {
  /** Stable id, used in attributes (`services`, `status`, `sort`) and `td[data-service]`. */
  id: string;
  /** Display name, e.g. `Amazon ECS`. */
  name: string;
}

/** A row of the matrix (a compliance program). */
export interface DatasetProgram {
  /** Stable slug, e.g. `pci-dss-level-1`; rows are `tr[data-program="<id>"]`. */
  id: string;
  name: string;
  /** Other names the search finds, e.g. `["PCI DSS", "PCI"]`. */
  aliases?: string[];
  /** Facet tags `facet:value`, e.g. `jurisdiction:us`, `domain:health`. */
  tags?: string[];
  note?: string;
  url?: string;
  /** Service id → cell. A service left out is `unknown`. */
  status: Record<string, DatasetCell>;
}

/** A dataset in the widget's JSON schema. */
export interface Dataset {
  title?: string;
  /** The date the data describes, `YYYY-MM-DD`. */
  as_of: string;
  /** Where the data comes from. */
  source: DatasetLink;
  /** Where the current status can be found. */
  latest?: DatasetLink;
  /** A note shown above the table (`[part=warning]`). */
  warning?: string;
  /** Where the facet tags come from. */
  tags_source?: DatasetLink;
  services: DatasetService[];
  programs: DatasetProgram[];
}

// ---------------------------------------------------------------------------------------------
// Options and state
// ---------------------------------------------------------------------------------------------

/** `table`, `diagram` or `both`. */
export type ComplianceMatrixView = 'table' | 'diagram' | 'both';
/** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
export type ComplianceMatrixTheme = 'light' | 'dark' | 'auto';

/**
 * Options of `mount()` and `update()`: the element's attributes (camelCase), all text as in
 * HTML except the two booleans, plus `data`. `null` or a missing key means the default.
 */
export interface MountOptions {
  /**
   * Comma list of service ids to show, in order: `ecs,eks,fargate,ecr`. Default: all; of a
   * dataset of more than twelve services, its container services, else its first twelve.
   */
  services?: string | null;
  /** Text filter over program names and aliases (case- and accent-insensitive). */
  query?: string | null;
  /** `any`, or `<service>:<status>`, e.g. `fargate:not-in-scope`. Default `any`. */
  status?: string | null;
  /** Only rows where the shown services differ. */
  gaps?: boolean | null;
  /** Comma list of facet tags, e.g. `jurisdiction:us,domain:health`. */
  tags?: string | null;
  /** Comma list of `key:asc|desc`; keys: `program`, `coverage`, any service id. Default: seed order. */
  sort?: string | null;
  /** `table`, `diagram` or `both` (default). */
  view?: ComplianceMatrixView | (string & {}) | null;
  /** `light`, `dark` or `auto` (default). */
  theme?: ComplianceMatrixTheme | (string & {}) | null;
  /** URL of a dataset: JSON (our schema), CSV or a Markdown table. Default: the embedded seed. */
  src?: string | null;
  /** Id (date) of an embedded revision, or `latest`. Default: the seed, `2020-04-21`. */
  revision?: string | null;
  /** Another revision id: changed cells are marked, with old → new. */
  compare?: string | null;
  /** Mirror the state in `location.hash` so that a link reopens the same view. */
  syncUrl?: boolean | null;
  /**
   * Where the wasm file is, for the first widget that starts the load (later ones share it).
   * Same as `setWasmUrl(url)`; default: `compliance-matrix_bg.wasm.gz` (the wasm, gzip-compressed)
   * next to this module. The uncompressed `compliance-matrix_bg.wasm` works as well.
   */
  wasmUrl?: string | null;
  /**
   * The language of the UI, a BCP 47 tag (`de`, `ko-KR`). Default: the closest `lang` attribute
   * from the target up, then the document's, then the browser's. Shipped: en, de, fr, es, ja, ko.
   */
  lang?: string | null;
  /**
   * `on` (default): the user may bring data of their own (drop or paste a table, or choose a
   * file from the Export menu), shown to them only. `off`: only the page's data.
   */
  import?: 'on' | 'off' | (string & {}) | null;
  /** UI strings of the page's own, on top of the language's (see `ComplianceMatrixStrings`). */
  strings?: ComplianceMatrixStrings | null;
  /** Key prefix in `location.hash` for `syncUrl` (the element passes its id, or `cm`). */
  namespace?: string | null;
  /**
   * A dataset object, validated; an invalid one is reported in `[role=alert][part=error]` and by
   * a `cm-error` event, and the previous rows stay. `null` returns to the embedded dataset.
   */
  data?: Dataset | null;
}

/**
 * The view state: what a reader changed. `save()` returns it, `restore(state)` applies it (fields
 * left out stay as they are); precedence: the page's options, then the URL hash, then this.
 */
export interface ComplianceMatrixViewState {
  query: string;
  /** `any` or `<service>:<status>`. */
  status: string;
  gaps: boolean;
  tags: string[];
  /** Comma list of `key:asc|desc`, empty for seed order. */
  sort: string;
  /** Shown service ids in order; empty: the default (all, or of more than twelve the container services, else the first twelve). */
  services: string[];
  /** The embedded revision shown; `null` for a dataset of the page's own. */
  revision: string | null;
  compare: string | null;
}

/** The state as `state`, `handle.state()` and `cm-change` report it. */
export interface ComplianceMatrixState {
  query: string;
  /** `any` or `<service>:<status>`. */
  status: string;
  gaps: boolean;
  tags: string[];
  /** Comma list of `key:asc|desc`, empty for seed order. */
  sort: string;
  /** The shown service ids, in display order. */
  services: string[];
  view: ComplianceMatrixView | (string & {});
  revision: string;
  compare: string | null;
  /** Ids of the visible programs, in display order. */
  visible: string[];
}

/**
 * The key of a UI string (see `catalog()` for the texts). Every key is in each shipped language
 * (`en`, `de`, `fr`, `es`, `ja`, `ko`); checked against the core's catalog by tests/options.rs.
 */
export type StringKey =
  | 'title'
  | 'source'
  | 'asOf'
  | 'aboutData'
  | 'currentList'
  | 'stillPrevious'
  | 'pageTableBelow'
  | 'errView'
  | 'errTheme'
  | 'errRevision'
  | 'errSortDirection'
  | 'errSortKey'
  | 'errSortTwice'
  | 'errStatusForm'
  | 'errStatusService'
  | 'errStatusStatus'
  | 'errServices'
  | 'errTags'
  | 'tableRegion'
  | 'loading'
  | 'noData'
  | 'loadingFrom'
  | 'loadingFromPrevious'
  | 'noMatch'
  | 'joinAnd'
  | 'joinOr'
  | 'joinList'
  | 'clearFilters'
  | 'downloaded'
  | 'errorTitle'
  | 'statusInScope'
  | 'statusInProgress'
  | 'statusNotInScope'
  | 'statusUnknown'
  | 'inlineInScope'
  | 'inlineInProgress'
  | 'inlineNotInScope'
  | 'inlineUnknown'
  | 'statusLegend'
  | 'searchLabel'
  | 'searchPlaceholder'
  | 'statusLabel'
  | 'anyStatus'
  | 'serviceStatus'
  | 'gapsOnly'
  | 'gapsHint'
  | 'count'
  | 'chipCount'
  | 'columns'
  | 'columnsMenu'
  | 'columnsLegend'
  | 'moveLeft'
  | 'moveRight'
  | 'exportGroup'
  | 'exportAs'
  | 'copyLink'
  | 'linkCopied'
  | 'copyThisLink'
  | 'copyRefused'
  | 'downloadFailed'
  | 'downloadRefused'
  | 'revision'
  | 'compareWith'
  | 'noComparison'
  | 'revisionSeed'
  | 'revisionLatest'
  | 'revisionStatus'
  | 'filters'
  | 'activeCount'
  | 'history'
  | 'historyRevision'
  | 'exportMenu'
  | 'print'
  | 'facetFind'
  | 'facetNoMatch'
  | 'facetMatches'
  | 'facetNarrow'
  | 'facetWindow'
  | 'facetJurisdiction'
  | 'facetDomain'
  | 'tagJurisdictionUs'
  | 'tagJurisdictionAu'
  | 'tagJurisdictionDe'
  | 'tagJurisdictionKr'
  | 'tagJurisdictionEs'
  | 'tagJurisdictionSg'
  | 'tagJurisdictionGlobal'
  | 'tagDomainPayments'
  | 'tagDomainHealth'
  | 'tagDomainGovernment'
  | 'tagDomainSecurity'
  | 'tagDomainQuality'
  | 'tagDomainPrivacy'
  | 'tagDomainCloud'
  | 'tagDomainFinance'
  | 'tagDomainFinancialReporting'
  | 'sortNone'
  | 'sortedBy'
  | 'sortThen'
  | 'sortProgramAsc'
  | 'sortProgramDesc'
  | 'sortCoverageAsc'
  | 'sortCoverageDesc'
  | 'sortServiceAsc'
  | 'sortServiceDesc'
  | 'sortHint'
  | 'sortKeyOf'
  | 'ascending'
  | 'descending'
  | 'printShowing'
  | 'printFiltered'
  | 'printSorted'
  | 'printSentence'
  | 'printNote'
  | 'filterText'
  | 'filterGaps'
  | 'filterFacet'
  | 'caption'
  | 'unstatedDate'
  | 'notStated'
  | 'columnProgram'
  | 'columnCoverage'
  | 'coverage'
  | 'coverageInProgress'
  | 'rowAdded'
  | 'rowRemoved'
  | 'changedFrom'
  | 'changedTo'
  | 'later'
  | 'laterLabelled'
  | 'gridHint'
  | 'detailsHeading'
  | 'close'
  | 'detailsStatus'
  | 'sourceWrites'
  | 'sourceEmpty'
  | 'detailsNote'
  | 'historyHeading'
  | 'notInRevision'
  | 'revisionShown'
  | 'revisionChanged'
  | 'whoSecuresOn'
  | 'toolsYourPart'
  | 'showInDiagram'
  | 'sourcesCount'
  | 'notCovered'
  | 'changesRegion'
  | 'changesHeading'
  | 'noChange'
  | 'changesShown'
  | 'changeCell'
  | 'changeAdded'
  | 'changeRemoved'
  | 'changeRenamed'
  | 'cellLabelled'
  | 'superseded'
  | 'showLatest'
  | 'latestStatus'
  | 'diagramHeading'
  | 'diagramIntro'
  | 'diagramCompiled'
  | 'diagramVariants'
  | 'diagramNoVariant'
  | 'diagramVariant'
  | 'diagramTitle'
  | 'diagramDescription'
  | 'diagramAsTable'
  | 'diagramHint'
  | 'ownerAws'
  | 'ownerCustomer'
  | 'ownerShared'
  | 'ownerNotApplicable'
  | 'ownerNotApplicableShort'
  | 'ownerLegend'
  | 'ownerPattern'
  | 'patternSolid'
  | 'patternHatched'
  | 'patternDotted'
  | 'patternOutline'
  | 'responsibilityLine'
  | 'bandHeading'
  | 'readOn'
  | 'seeAlso'
  | 'toolsHere'
  | 'archivedNote'
  | 'diagramTableRegion'
  | 'diagramTableCaption'
  | 'columnLayer'
  | 'toolsHeading'
  | 'archived'
  | 'toolWhere'
  | 'moreAbout'
  | 'layerFacilities'
  | 'layerHardware'
  | 'layerVirtualization'
  | 'layerHostOs'
  | 'layerRuntime'
  | 'layerControlPlane'
  | 'layerCapacity'
  | 'layerRegistryStorage'
  | 'layerNetworkConfig'
  | 'layerIam'
  | 'layerClusterConfig'
  | 'layerImages'
  | 'layerApplication'
  | 'layerData'
  | 'errAt'
  | 'placeLine'
  | 'placeLineColumn'
  | 'placeRowColumn'
  | 'errData'
  | 'errPageTable'
  | 'tableGone'
  | 'errNoPageTable'
  | 'errDataNotJson'
  | 'errFormatName'
  | 'errReaderKind'
  | 'errReaderLoad'
  | 'errReaderAnswer'
  | 'errInputBytes'
  | 'errInputChars'
  | 'errEmptyInput'
  | 'errHtmlPage'
  | 'errJsonSyntax'
  | 'errJsonSchema'
  | 'errJsonNotObject'
  | 'errNoServices'
  | 'errTooManyServices'
  | 'errNoPrograms'
  | 'errTooManyPrograms'
  | 'errTooLong'
  | 'errNul'
  | 'errEmptyField'
  | 'errLink'
  | 'errDate'
  | 'errId'
  | 'errDuplicateId'
  | 'errTag'
  | 'errFacetValues'
  | 'errTagCount'
  | 'errCellCount'
  | 'errUnknownService'
  | 'errUnknownStatus'
  | 'errStatusShape'
  | 'errEmptyCsv'
  | 'errCsvQuote'
  | 'errCsvAfterQuote'
  | 'errCsvUnclosed'
  | 'errNoMarkdownTable'
  | 'errHeaderShort'
  | 'errNoProgramColumn'
  | 'errEmptyServiceHeader'
  | 'errDuplicateService'
  | 'errRowCells'
  | 'errEmptyProgram'
  | 'errDuplicateProgramLine'
  | 'errDuplicateProgramRow'
  | 'errHeaderOnly'
  | 'errTableEmpty'
  | 'errTableRows'
  | 'errTableCells'
  | 'errTableDate'
  | 'errTableLink'
  | 'errMergedCell'
  | 'placeSectionRowColumn'
  | 'placeTableRowColumn'
  | 'errDuplicateServiceLine'
  | 'errDuplicateServiceRow'
  | 'errDuplicateProgramColumn'
  | 'errCellConflict'
  | 'errHtmlNesting'
  | 'fatalStart'
  | 'fatalStopped'
  | 'fatalGivenUp'
  | 'srcCannotRequest'
  | 'srcTooLarge'
  | 'srcReadStopped'
  | 'srcTimeout'
  | 'srcCancelled'
  | 'srcNoFetch'
  | 'srcFetchThrew'
  | 'srcNetwork'
  | 'srcNoResponse'
  | 'srcHttp'
  | 'srcUnreadable'
  | 'srcNotBytes'
  | 'srcNotUtf8'
  | 'srcInvalid'
  | 'withDetail'
  | 'errTooManyCells'
  | 'loadData'
  | 'loadedData'
  | 'pastedTable'
  | 'restoreData'
  | 'dropHint'
  | 'findService'
  | 'fileInvalid'
  | 'fileUnreadable'
  | 'fileTooLarge'
  | 'columnsShown'
  | 'changesMore'
  | 'readingData'
  | 'noServiceMatch';

/**
 * A page's own UI strings, key → text, on top of the language's: `{ searchLabel: 'Find' }`.
 * Templates keep their `{placeholders}`; counts use ICU plural syntax
 * (`{total, plural, one {# program} other {# programs}}`). With `lang` set to a language the
 * widget does not ship, these are the strings of that language (English where a key is missing).
 */
export type ComplianceMatrixStrings = Partial<Record<StringKey, string>>;

/** What `mount()` returns. */
export interface MountHandle {
  /**
   * Resolves once the widget has rendered its data (the table, and the diagram, which follows the
   * table's first paint), or the error it shows instead (for a `src`: after it has arrived or
   * failed); rejects when the wasm cannot be loaded.
   */
  readonly ready: Promise<void>;
  /** Changes options after mount; options left out keep their value. */
  update(options: MountOptions): void;
  /** The current state, or `null` until the widget has first rendered (shortly after mount, once the core has loaded). */
  state(): ComplianceMatrixState | null;
  /** The view state, for `restore()` here or on another widget. */
  save(): ComplianceMatrixViewState | null;
  /** Applies a view state on top of what is shown; throws when it does not fit the data. */
  restore(state: Partial<ComplianceMatrixViewState>): void;
  /** The last problem with `data` or `src`, if any. */
  error(): string | undefined;
  /** Removes the widget and frees what it holds. */
  unmount(): void;
  /** CSV (RFC 4180) of exactly the visible rows and columns. */
  exportCsv(): string;
  /** JSON (the dataset schema) of exactly the visible rows and columns. */
  exportJson(): string;
  /** A Markdown table of exactly the visible rows and columns. */
  exportMarkdown(): string;
}

/**
 * Mounts the widget into `target`'s open shadow root (attached if missing). Works before the wasm
 * core has loaded: the first mount starts the load, and the widget appears once it is done.
 * Throws when `target` already holds a widget (unmount its handle first, or update() it).
 */
export function mount(target: Element, options?: MountOptions, state?: Partial<ComplianceMatrixViewState> | null): MountHandle;

/**
 * Parses a dataset from text: our JSON schema, a CSV table or a Markdown table (`format`
 * guessed when omitted). Throws an `Error` naming the line and column or the field.
 * Call it after `ready` has resolved.
 */
export function parseDataset(text: string, format?: 'json' | 'csv' | 'markdown' | 'md' | 'html' | 'htm'): Dataset;

/**
 * Every UI string of a shipped language (English for any other, and for one whose file could not
 * be loaded), key → text. Loads the wasm and the language's translation first when needed.
 */
export function catalog(lang?: string): Promise<Record<StringKey, string>>;

/**
 * Resolves once the wasm core and its dataset reader (`compliance-matrix-reader_bg.wasm.gz`, which
 * `parseDataset` needs) have loaded. Awaiting it starts both loads: importing the module fetches
 * nothing; the first widget, `preload()` or `await ready` does. A widget loads the reader itself
 * when it is first given a dataset to read (`data`, or a `src` that has arrived).
 */
export const ready: PromiseLike<void> & {
  catch(onrejected: (reason: unknown) => unknown): Promise<unknown>;
  finally(onfinally: () => void): Promise<void>;
};

/** Starts loading the wasm now (say, on hover, before the widget is shown); resolves when it is
 *  ready. The dataset reader loads when first needed (or when `ready` is awaited). */
export function preload(): Promise<void>;

/**
 * Tells the module where the wasm file is, before the first widget starts (a bundle that moved
 * it, a CDN). Resolved against the document's base URL. Either file works: the gzip-compressed
 * `compliance-matrix_bg.wasm.gz` (the default, unpacked by the module whatever the server's
 * headers) or the uncompressed `compliance-matrix_bg.wasm` (for a server that sends brotli). The
 * dataset reader is loaded from `readerUrl` when given, otherwise from
 * `compliance-matrix-reader_bg.wasm.gz` next to `url` (`.wasm` when `url` ends in `.wasm`).
 * Throws once the load has started from another URL.
 */
export function setWasmUrl(url: string | URL, readerUrl?: string | URL): void;

// ---------------------------------------------------------------------------------------------
// The element and its events
// ---------------------------------------------------------------------------------------------

/** `cm-change`: after any user change; `detail` is the new state. Bubbles, composed. */
export type CmChangeEvent = CustomEvent<ComplianceMatrixState>;
/** `cm-error`: the data cannot be used; `detail.message` names the problem. Bubbles, composed. */
export type CmErrorEvent = CustomEvent<{ message: string }>;

export interface ComplianceMatrixEventMap extends HTMLElementEventMap {
  'cm-change': CmChangeEvent;
  'cm-error': CmErrorEvent;
}

/**
 * `<compliance-matrix>`: each attribute reflects the camelCase property of the same name.
 *
 * @slot - A `<table>` child is the dataset when neither `data` nor `src` is given (header row =
 * services, first cell of each row = program, `<caption>` = title; `data-as-of`, `data-source`,
 * `data-source-url` on the table). It stays visible until the widget renders, and wherever it
 * cannot.
 */
export interface ComplianceMatrixElement extends HTMLElement {
  /** `services` attribute. */
  services: string | null;
  /** `query` attribute. */
  query: string | null;
  /** `status` attribute. */
  status: string | null;
  /** `gaps` boolean attribute. */
  gaps: boolean;
  /** `tags` attribute. */
  tags: string | null;
  /** `sort` attribute. */
  sort: string | null;
  /** `view` attribute. */
  view: ComplianceMatrixView | (string & {}) | null;
  /** `theme` attribute. */
  theme: ComplianceMatrixTheme | (string & {}) | null;
  /** `src` attribute. */
  src: string | null;
  /** `revision` attribute. */
  revision: string | null;
  /** `compare` attribute. */
  compare: string | null;
  /** `sync-url` boolean attribute. */
  syncUrl: boolean;
  /** `wasm-url` attribute: where the wasm file is, read by the first widget that starts the load. */
  wasmUrl: string | null;
  /** `lang` attribute (HTMLElement's own): the language of the UI; empty for the page's. */
  lang: string;
  /** `import` attribute: `off` keeps the user from bringing data of their own. */
  import: 'on' | 'off' | (string & {}) | null;
  /** A dataset object (validated; errors shown in the widget and sent as `cm-error`). `null` returns to the embedded data. */
  data: Dataset | null | undefined;
  /** UI strings of the page's own, on top of the language's (the `lang` attribute picks the language). */
  strings: ComplianceMatrixStrings | null | undefined;
  /** The current state, or `null` until the widget has first rendered. */
  readonly state: ComplianceMatrixState | null;
  /**
   * Resolves once the widget has rendered its data (the table, and the diagram, which follows the
   * table's first paint), or the error it shows instead (for a `src`: after it has arrived or
   * failed); rejects when the wasm cannot be loaded.
   */
  readonly ready: Promise<void>;
  /** The view state, for `restore()` here or on another widget. */
  save(): ComplianceMatrixViewState | null;
  /** Applies a view state on top of what is shown; throws when it does not fit the data. */
  restore(state: Partial<ComplianceMatrixViewState>): void;
  /** CSV (RFC 4180) of exactly the visible rows and columns. */
  exportCsv(): string;
  /** JSON (the dataset schema) of exactly the visible rows and columns. */
  exportJson(): string;
  /** A Markdown table of exactly the visible rows and columns. */
  exportMarkdown(): string;

  addEventListener<K extends keyof ComplianceMatrixEventMap>(
    type: K,
    listener: (this: ComplianceMatrixElement, ev: ComplianceMatrixEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ComplianceMatrixEventMap>(
    type: K,
    listener: (this: ComplianceMatrixElement, ev: ComplianceMatrixEventMap[K]) => any,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

// The tag name types `document.querySelector('compliance-matrix')` and `createElement`. The events
// are typed on the element (ComplianceMatrixEventMap), not added to every element's, document's or
// window's event map: on another target, cast the event (`e as CmChangeEvent`).
declare global {
  interface HTMLElementTagNameMap {
    'compliance-matrix': ComplianceMatrixElement;
  }
}
