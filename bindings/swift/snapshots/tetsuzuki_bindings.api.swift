    public static func lift(_ value: FfiType) throws -> SwiftType
    public static func lower(_ value: SwiftType) -> FfiType
    public static func lift(_ buf: RustBuffer) throws -> SwiftType
    public static func lower(_ value: SwiftType) -> RustBuffer
    case bufferOverflow
    case incompleteData
    case unexpectedOptionalTag
    case unexpectedEnumCase
    case unexpectedNullPointer
    case unexpectedRustCallStatusCode
    case unexpectedRustCallError
    case unexpectedStaleHandle
    case rustPanic(_ message: String)
    public var errorDescription: String?
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> UInt32
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Int32
    public static func write(_ value: Int32, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Int64
    public static func write(_ value: Int64, into buf: inout [UInt8])
    public static func lift(_ value: Int8) throws -> Bool
    public static func lower(_ value: Bool) -> Int8
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Bool
    public static func write(_ value: Bool, into buf: inout [UInt8])
    public static func lift(_ value: RustBuffer) throws -> String
    public static func lower(_ value: String) -> RustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> String
    public static func write(_ value: String, into buf: inout [UInt8])
public protocol CatalogProtocol: AnyObject, Sendable
open class Catalog: CatalogProtocol, @unchecked Sendable
    public struct NoHandle
        public init()
    public init(noHandle: NoHandle)
    public func uniffiCloneHandle() -> UInt64
public static func load(json: String)throws  -> Catalog
open func checklistCalendar(event: String, answers: String, eventDate: String?, today: String, lang: String, stamp: String, seed: String, visits: [VisitBooking])throws  -> String
open func lifeEvents(lang: String)throws  -> [LifeEventInfo]
open func navigate(event: String, answers: String, eventDate: String?, today: String, lang: String)throws  -> Checklist
open func procedures(lang: String)throws  -> [ProcedureInfo]
open func restoreDraft(text: String, previous: Catalog? = nil)throws  -> Restored
open func screeningQuestions(event: String, lang: String)throws  -> [Question]
open func startSession(procedures: [String])throws  -> Session
open func summary() -> CatalogSummary
open func validate(procedure: String, answers: String, today: String, lang: String)throws  -> Validation
public struct FfiConverterTypeCatalog: FfiConverter
    public static func lift(_ handle: UInt64) throws -> Catalog
    public static func lower(_ value: Catalog) -> UInt64
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Catalog
    public static func write(_ value: Catalog, into buf: inout [UInt8])
public func FfiConverterTypeCatalog_lift(_ handle: UInt64) throws -> Catalog
public func FfiConverterTypeCatalog_lower(_ value: Catalog) -> UInt64
public protocol JourneyProtocol: AnyObject, Sendable
open class Journey: JourneyProtocol, @unchecked Sendable
    public struct NoHandle
        public init()
    public init(noHandle: NoHandle)
    public func uniffiCloneHandle() -> UInt64
public static func restore(catalog: Catalog, text: String, today: String, lang: String, oneQuestionPerPage: Bool = false, counter: Bool = false)throws  -> Journey
public static func start(catalog: Catalog, today: String, lang: String, event: String? = nil, procedures: [String] = [], oneQuestionPerPage: Bool = false, counter: Bool = false)throws  -> Journey
open func acknowledgeWarnings()throws
open func act(actionJson: String)throws
open func answer(key: String, value: String)throws  -> Answered
open func back()throws
open func beginStep()throws  -> StepRequest
open func calendar(stamp: String)throws  -> String?
open func change(key: String)throws
open func chooseEvent(event: String)throws
open func chooseSlot(slot: String)throws
open func confirm(confirmed: Bool)throws
open func continuationCode() -> String?
open func dismiss()throws
open func event() -> String?
open func failStep(id: String, reason: String)throws
open func feedback(rating: Int32? = nil, comment: String = "")throws  -> String
open func finishAnswer(key: String) -> Answered
open func forgetProfile()
open func fulfilStep(id: String, reference: String)throws  -> [Submission]
open func goTo(key: String)throws
open func handoffText() -> String?
open func importCode(code: String)throws
open func keepsProfile() -> Bool
open func lang() -> String
open func leaveSteps()throws
open func next()throws
open func offerSlots(id: String, slots: [Slot])throws
open func openHandoff(code: String)throws
open func profile() -> Profile?
open func receipts() -> [Receipt]
open func save() -> String
open func setKeepProfile(keep: Bool)
open func setKeepSensitive(keep: Bool)
open func setLang(lang: String)throws
open func setProfile(profile: Profile)
open func setReference(procedure: String, reference: String)throws
open func skipStep()throws
open func stage() -> String
open func startOnline()throws
open func stepEvent() -> String
open func submit(at: String)throws  -> [Submission]
open func view()throws  -> String
public struct FfiConverterTypeJourney: FfiConverter
    public static func lift(_ handle: UInt64) throws -> Journey
    public static func lower(_ value: Journey) -> UInt64
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Journey
    public static func write(_ value: Journey, into buf: inout [UInt8])
public func FfiConverterTypeJourney_lift(_ handle: UInt64) throws -> Journey
public func FfiConverterTypeJourney_lower(_ value: Journey) -> UInt64
public protocol ProfileProtocol: AnyObject, Sendable
open class Profile: ProfileProtocol, @unchecked Sendable
    public struct NoHandle
        public init()
    public init(noHandle: NoHandle)
    public func uniffiCloneHandle() -> UInt64
public static func empty() -> Profile
public static func load(json: String)throws  -> Profile
open func facts(today: String)throws  -> [Fact]
open func forget(concept: String)
open func giveConsent(at: String)
open func hasConsent() -> Bool
open func toJson() -> String
open func withdrawConsent()
public struct FfiConverterTypeProfile: FfiConverter
    public static func lift(_ handle: UInt64) throws -> Profile
    public static func lower(_ value: Profile) -> UInt64
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Profile
    public static func write(_ value: Profile, into buf: inout [UInt8])
public func FfiConverterTypeProfile_lift(_ handle: UInt64) throws -> Profile
public func FfiConverterTypeProfile_lower(_ value: Profile) -> UInt64
public protocol SessionProtocol: AnyObject, Sendable
open class Session: SessionProtocol, @unchecked Sendable
    public struct NoHandle
        public init()
    public init(noHandle: NoHandle)
    public func uniffiCloneHandle() -> UInt64
open func answer(key: String) -> String?
open func confirmByResident(confirmed: Bool)
open func confirmationIssue(lang: String)throws  -> Issue?
open func isAssisted() -> Bool
open func isConfirmedByResident() -> Bool
open func isEnded() -> Bool
open func pages(today: String, lang: String)throws  -> [Page]
open func prefill(profile: Profile, today: String)throws  -> [String]
open func procedures() -> [String]
open func questions(lang: String)throws  -> [Question]
open func reuseScreening(event: String, answers: String)throws  -> [String]
open func saveDraft() -> String
open func setAnswer(key: String, value: String)throws
open func setAssisted(assisted: Bool)
open func submissions(today: String, at: String)throws  -> [Submission]
open func submit(today: String, at: String)throws  -> [Submission]
open func summary(today: String, lang: String)throws  -> [SummaryRow]
open func updateProfile(profile: Profile, today: String, at: String)throws  -> [String]
open func validate(today: String, lang: String)throws  -> [Issue]
open func validateQuestion(key: String, today: String, lang: String)throws  -> [Issue]
public struct FfiConverterTypeSession: FfiConverter
    public static func lift(_ handle: UInt64) throws -> Session
    public static func lower(_ value: Session) -> UInt64
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Session
    public static func write(_ value: Session, into buf: inout [UInt8])
public func FfiConverterTypeSession_lift(_ handle: UInt64) throws -> Session
public func FfiConverterTypeSession_lower(_ value: Session) -> UInt64
public struct AnswerSource: Equatable, Hashable
    public var kind: String
    public var event: String?
    public var provenance: String?
    public init(kind: String, event: String?, provenance: String?)
public struct FfiConverterTypeAnswerSource: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> AnswerSource
    public static func write(_ value: AnswerSource, into buf: inout [UInt8])
public func FfiConverterTypeAnswerSource_lift(_ buf: RustBuffer) throws -> AnswerSource
public func FfiConverterTypeAnswerSource_lower(_ value: AnswerSource) -> RustBuffer
public struct Answered: Equatable, Hashable
    public var shownChanged: Bool
    public var issuesChanged: Bool
    public init(
public struct FfiConverterTypeAnswered: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Answered
    public static func write(_ value: Answered, into buf: inout [UInt8])
public func FfiConverterTypeAnswered_lift(_ buf: RustBuffer) throws -> Answered
public func FfiConverterTypeAnswered_lower(_ value: Answered) -> RustBuffer
public struct CatalogSummary: Equatable, Hashable
    public var format: String
    public var contentHash: String
    public var townId: String
    public var townName: String
    public var procedures: UInt32
    public var lifeEvents: UInt32
    public var concepts: UInt32
    public var codeLists: UInt32
    public var fields: UInt32
    public init(
public struct FfiConverterTypeCatalogSummary: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> CatalogSummary
    public static func write(_ value: CatalogSummary, into buf: inout [UInt8])
public func FfiConverterTypeCatalogSummary_lift(_ buf: RustBuffer) throws -> CatalogSummary
public func FfiConverterTypeCatalogSummary_lower(_ value: CatalogSummary) -> RustBuffer
public struct Checklist: Equatable, Hashable
    public var event: String
    public var questions: [ScreeningQuestion]
    public var issues: [Issue]
    public var procedures: [ChecklistItem]
    public var townActions: [ChecklistItem]
    public init(event: String, questions: [ScreeningQuestion], issues: [Issue],
public struct FfiConverterTypeChecklist: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Checklist
    public static func write(_ value: Checklist, into buf: inout [UInt8])
public func FfiConverterTypeChecklist_lift(_ buf: RustBuffer) throws -> Checklist
public func FfiConverterTypeChecklist_lower(_ value: Checklist) -> RustBuffer
public struct ChecklistItem: Equatable, Hashable
    public var procedure: String
    public var title: String
    public var reason: String
    public var due: Due?
    public var consequence: String?
    public var overdue: Bool
    public var daysLeft: Int64?
    public var late: String?
    public var channels: [String]
    public var onlineNow: Bool
    public var prepareOnline: Bool
    public var identity: String
    public var documents: [String]
    public var fee: UInt32?
    public var contact: Contact?
    public init(procedure: String, title: String, reason: String, due: Due?, consequence: String?,
public struct FfiConverterTypeChecklistItem: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> ChecklistItem
    public static func write(_ value: ChecklistItem, into buf: inout [UInt8])
public func FfiConverterTypeChecklistItem_lift(_ buf: RustBuffer) throws -> ChecklistItem
public func FfiConverterTypeChecklistItem_lower(_ value: ChecklistItem) -> RustBuffer
public struct Contact: Equatable, Hashable
    public var department: String
    public var phone: String?
    public var hours: String?
    public var location: String?
    public init(department: String, phone: String?, hours: String?, location: String?)
public struct FfiConverterTypeContact: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Contact
    public static func write(_ value: Contact, into buf: inout [UInt8])
public func FfiConverterTypeContact_lift(_ buf: RustBuffer) throws -> Contact
public func FfiConverterTypeContact_lower(_ value: Contact) -> RustBuffer
public struct Due: Equatable, Hashable
    public var date: String
    public var rolledOverFrom: String?
    public var variant: Bool
    public init(
public struct FfiConverterTypeDue: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Due
    public static func write(_ value: Due, into buf: inout [UInt8])
public func FfiConverterTypeDue_lift(_ buf: RustBuffer) throws -> Due
public func FfiConverterTypeDue_lower(_ value: Due) -> RustBuffer
public struct Fact: Equatable, Hashable
    public var concept: String
    public var value: String
    public var sensitive: Bool
    public var source: String
    public var since: String?
    public init(concept: String,
public struct FfiConverterTypeFact: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Fact
    public static func write(_ value: Fact, into buf: inout [UInt8])
public func FfiConverterTypeFact_lift(_ buf: RustBuffer) throws -> Fact
public func FfiConverterTypeFact_lower(_ value: Fact) -> RustBuffer
public struct FieldChange: Equatable, Hashable
    public var kind: String
    public var aspect: String
    public var procedure: String?
    public var path: String
    public var old: String?
    public var new: String?
    public init(
public struct FfiConverterTypeFieldChange: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> FieldChange
    public static func write(_ value: FieldChange, into buf: inout [UInt8])
public func FfiConverterTypeFieldChange_lift(_ buf: RustBuffer) throws -> FieldChange
public func FfiConverterTypeFieldChange_lower(_ value: FieldChange) -> RustBuffer
public struct Issue: Equatable, Hashable
    public var field: String
    public var code: String
    public var severity: String
    public var message: String
    public var fix: String
    public var machineFix: MachineFix?
    public var params: [String: String]
    public init(
public struct FfiConverterTypeIssue: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Issue
    public static func write(_ value: Issue, into buf: inout [UInt8])
public func FfiConverterTypeIssue_lift(_ buf: RustBuffer) throws -> Issue
public func FfiConverterTypeIssue_lower(_ value: Issue) -> RustBuffer
public struct LifeEventInfo: Equatable, Hashable
    public var id: String
    public var title: String
    public var description: String?
    public init(id: String, title: String, description: String?)
public struct FfiConverterTypeLifeEventInfo: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> LifeEventInfo
    public static func write(_ value: LifeEventInfo, into buf: inout [UInt8])
public func FfiConverterTypeLifeEventInfo_lift(_ buf: RustBuffer) throws -> LifeEventInfo
public func FfiConverterTypeLifeEventInfo_lower(_ value: LifeEventInfo) -> RustBuffer
public struct MachineFix: Equatable, Hashable
    public var label: String
    public var value: String
    public init(
public struct FfiConverterTypeMachineFix: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> MachineFix
    public static func write(_ value: MachineFix, into buf: inout [UInt8])
public func FfiConverterTypeMachineFix_lift(_ buf: RustBuffer) throws -> MachineFix
public func FfiConverterTypeMachineFix_lower(_ value: MachineFix) -> RustBuffer
public struct Page: Equatable, Hashable
    public var id: String
    public var title: String
    public var questions: [String]
    public init(
public struct FfiConverterTypePage: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Page
    public static func write(_ value: Page, into buf: inout [UInt8])
public func FfiConverterTypePage_lift(_ buf: RustBuffer) throws -> Page
public func FfiConverterTypePage_lower(_ value: Page) -> RustBuffer
public struct ProcedureChange: Equatable, Hashable
    public var procedure: String
    public var from: String
    public var to: String
    public init(procedure: String, from: String, to: String)
public struct FfiConverterTypeProcedureChange: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> ProcedureChange
    public static func write(_ value: ProcedureChange, into buf: inout [UInt8])
public func FfiConverterTypeProcedureChange_lift(_ buf: RustBuffer) throws -> ProcedureChange
public func FfiConverterTypeProcedureChange_lower(_ value: ProcedureChange) -> RustBuffer
public struct ProcedureInfo: Equatable, Hashable
    public var id: String
    public var title: String
    public var onlineNow: Bool
    public init(id: String, title: String,
public struct FfiConverterTypeProcedureInfo: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> ProcedureInfo
    public static func write(_ value: ProcedureInfo, into buf: inout [UInt8])
public func FfiConverterTypeProcedureInfo_lift(_ buf: RustBuffer) throws -> ProcedureInfo
public func FfiConverterTypeProcedureInfo_lower(_ value: ProcedureInfo) -> RustBuffer
public struct Question: Equatable, Hashable
    public var key: String
    public var concept: String?
    public var label: String
    public var hint: String?
    public var type: String
    public var optional: Bool
    public var options: [QuestionOption]
    public var autocomplete: String?
    public var inputMode: String?
    public var maxLength: UInt32?
    public var parts: [Question]
    public var minItems: UInt32?
    public var maxItems: UInt32?
    public var page: UInt32
    public var askedBy: [String]
    public var sensitive: Bool
    public init(key: String, concept: String?, label: String, hint: String?,
public struct FfiConverterTypeQuestion: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Question
    public static func write(_ value: Question, into buf: inout [UInt8])
public func FfiConverterTypeQuestion_lift(_ buf: RustBuffer) throws -> Question
public func FfiConverterTypeQuestion_lower(_ value: Question) -> RustBuffer
public struct QuestionOption: Equatable, Hashable
    public var value: String
    public var label: String
    public init(
public struct FfiConverterTypeQuestionOption: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> QuestionOption
    public static func write(_ value: QuestionOption, into buf: inout [UInt8])
public func FfiConverterTypeQuestionOption_lift(_ buf: RustBuffer) throws -> QuestionOption
public func FfiConverterTypeQuestionOption_lower(_ value: QuestionOption) -> RustBuffer
public struct Receipt: Equatable, Hashable
    public var procedure: String
    public var reference: String
    public var submittedAt: String
    public init(
public struct FfiConverterTypeReceipt: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Receipt
    public static func write(_ value: Receipt, into buf: inout [UInt8])
public func FfiConverterTypeReceipt_lift(_ buf: RustBuffer) throws -> Receipt
public func FfiConverterTypeReceipt_lower(_ value: Receipt) -> RustBuffer
public struct RecoveredProfile
    public var profile: Profile
    public var dropped: [String]
    public init(profile: Profile, dropped: [String])
public struct FfiConverterTypeRecoveredProfile: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> RecoveredProfile
    public static func write(_ value: RecoveredProfile, into buf: inout [UInt8])
public func FfiConverterTypeRecoveredProfile_lift(_ buf: RustBuffer) throws -> RecoveredProfile
public func FfiConverterTypeRecoveredProfile_lower(_ value: RecoveredProfile) -> RustBuffer
public struct RestoreReport: Equatable, Hashable
    public var sameCatalog: Bool
    public var truncated: Bool
    public var changed: [ProcedureChange]
    public var gone: [String]
    public var recheck: [String]
    public var kept: [String]
    public var missingProcedures: [String]
    public var fields: [FieldChange]
    public init(sameCatalog: Bool, truncated: Bool, changed: [ProcedureChange], gone: [String], recheck: [String], kept: [String], missingProcedures: [String],
public struct FfiConverterTypeRestoreReport: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> RestoreReport
    public static func write(_ value: RestoreReport, into buf: inout [UInt8])
public func FfiConverterTypeRestoreReport_lift(_ buf: RustBuffer) throws -> RestoreReport
public func FfiConverterTypeRestoreReport_lower(_ value: RestoreReport) -> RustBuffer
public struct Restored
    public var session: Session
    public var report: RestoreReport
    public init(session: Session, report: RestoreReport)
public struct FfiConverterTypeRestored: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Restored
    public static func write(_ value: Restored, into buf: inout [UInt8])
public func FfiConverterTypeRestored_lift(_ buf: RustBuffer) throws -> Restored
public func FfiConverterTypeRestored_lower(_ value: Restored) -> RustBuffer
public struct ScreeningQuestion: Equatable, Hashable
    public var id: String
    public var concept: String?
    public var label: String
    public var answered: Bool
    public init(id: String, concept: String?, label: String, answered: Bool)
public struct FfiConverterTypeScreeningQuestion: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> ScreeningQuestion
    public static func write(_ value: ScreeningQuestion, into buf: inout [UInt8])
public func FfiConverterTypeScreeningQuestion_lift(_ buf: RustBuffer) throws -> ScreeningQuestion
public func FfiConverterTypeScreeningQuestion_lower(_ value: ScreeningQuestion) -> RustBuffer
public struct Slot: Equatable, Hashable
    public var id: String
    public var start: String
    public var minutes: UInt32
    public var place: String
    public init(id: String, start: String, minutes: UInt32, place: String)
public struct FfiConverterTypeSlot: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Slot
    public static func write(_ value: Slot, into buf: inout [UInt8])
public func FfiConverterTypeSlot_lift(_ buf: RustBuffer) throws -> Slot
public func FfiConverterTypeSlot_lower(_ value: Slot) -> RustBuffer
public struct StepReceipt: Equatable, Hashable
    public var kind: String
    public var reference: String
    public init(kind: String, reference: String)
public struct FfiConverterTypeStepReceipt: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> StepReceipt
    public static func write(_ value: StepReceipt, into buf: inout [UInt8])
public func FfiConverterTypeStepReceipt_lift(_ buf: RustBuffer) throws -> StepReceipt
public func FfiConverterTypeStepReceipt_lower(_ value: StepReceipt) -> RustBuffer
public struct StepRequest: Equatable, Hashable
    public var id: String
    public var kind: String
    public var procedures: [String]
    public var digest: String?
    public var amount: UInt32?
    public var references: [String]
    public var firstDay: String?
    public var lastDay: String?
    public var slot: Slot?
    public var timeoutSeconds: UInt32
    public init(id: String, kind: String, procedures: [String],
public struct FfiConverterTypeStepRequest: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> StepRequest
    public static func write(_ value: StepRequest, into buf: inout [UInt8])
public func FfiConverterTypeStepRequest_lift(_ buf: RustBuffer) throws -> StepRequest
public func FfiConverterTypeStepRequest_lower(_ value: StepRequest) -> RustBuffer
public struct Submission: Equatable, Hashable
    public var procedure: String
    public var version: String
    public var catalogHash: String
    public var submittedAt: String
    public var answers: String
    public var steps: [StepReceipt]
    public init(procedure: String, version: String, catalogHash: String, submittedAt: String,
public struct FfiConverterTypeSubmission: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Submission
    public static func write(_ value: Submission, into buf: inout [UInt8])
public func FfiConverterTypeSubmission_lift(_ buf: RustBuffer) throws -> Submission
public func FfiConverterTypeSubmission_lower(_ value: Submission) -> RustBuffer
public struct SummaryRow: Equatable, Hashable
    public var key: String
    public var label: String
    public var answer: String
    public var text: String
    public var source: AnswerSource
    public var page: String
    public var usedBy: [String]
    public init(key: String, label: String,
public struct FfiConverterTypeSummaryRow: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SummaryRow
    public static func write(_ value: SummaryRow, into buf: inout [UInt8])
public func FfiConverterTypeSummaryRow_lift(_ buf: RustBuffer) throws -> SummaryRow
public func FfiConverterTypeSummaryRow_lower(_ value: SummaryRow) -> RustBuffer
public struct Validation: Equatable, Hashable
    public var issues: [Issue]
    public var normalized: String
    public var relevant: [String]
    public init(issues: [Issue],
public struct FfiConverterTypeValidation: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> Validation
    public static func write(_ value: Validation, into buf: inout [UInt8])
public func FfiConverterTypeValidation_lift(_ buf: RustBuffer) throws -> Validation
public func FfiConverterTypeValidation_lower(_ value: Validation) -> RustBuffer
public struct ValueCheck: Equatable, Hashable
    public var valid: Bool
    public var normalized: String?
    public var issues: [Issue]
    public init(valid: Bool,
public struct FfiConverterTypeValueCheck: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> ValueCheck
    public static func write(_ value: ValueCheck, into buf: inout [UInt8])
public func FfiConverterTypeValueCheck_lift(_ buf: RustBuffer) throws -> ValueCheck
public func FfiConverterTypeValueCheck_lower(_ value: ValueCheck) -> RustBuffer
public struct VisitBooking: Equatable, Hashable
    public var procedures: [String]
    public var start: String
    public var minutes: UInt32
    public var place: String
    public init(
public struct FfiConverterTypeVisitBooking: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> VisitBooking
    public static func write(_ value: VisitBooking, into buf: inout [UInt8])
public func FfiConverterTypeVisitBooking_lift(_ buf: RustBuffer) throws -> VisitBooking
public func FfiConverterTypeVisitBooking_lower(_ value: VisitBooking) -> RustBuffer
public enum TetsuzukiError: Swift.Error, Equatable, Hashable, Foundation.LocalizedError
    case InvalidCatalog(code: String, reason: String
    case Unknown(code: String, reason: String
    case BadInput(code: String, reason: String
    case SessionState(code: String, reason: String
    case JourneyState(code: String, reason: String
    case InvalidDraft(code: String, reason: String
    case Profile(code: String, reason: String
    case Internal(code: String, reason: String
    public var errorDescription: String?
public struct FfiConverterTypeTetsuzukiError: FfiConverterRustBuffer
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> TetsuzukiError
    public static func write(_ value: TetsuzukiError, into buf: inout [UInt8])
public func FfiConverterTypeTetsuzukiError_lift(_ buf: RustBuffer) throws -> TetsuzukiError
public func FfiConverterTypeTetsuzukiError_lower(_ value: TetsuzukiError) -> RustBuffer
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: SwiftType, into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> SwiftType
    public static func write(_ value: [String], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [String]
    public static func write(_ value: [ChecklistItem], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [ChecklistItem]
    public static func write(_ value: [Fact], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [Fact]
    public static func write(_ value: [FieldChange], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [FieldChange]
    public static func write(_ value: [Issue], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [Issue]
    public static func write(_ value: [LifeEventInfo], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [LifeEventInfo]
    public static func write(_ value: [Page], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [Page]
    public static func write(_ value: [ProcedureChange], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [ProcedureChange]
    public static func write(_ value: [ProcedureInfo], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [ProcedureInfo]
    public static func write(_ value: [Question], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [Question]
    public static func write(_ value: [QuestionOption], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [QuestionOption]
    public static func write(_ value: [Receipt], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [Receipt]
    public static func write(_ value: [ScreeningQuestion], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [ScreeningQuestion]
    public static func write(_ value: [Slot], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [Slot]
    public static func write(_ value: [StepReceipt], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [StepReceipt]
    public static func write(_ value: [Submission], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [Submission]
    public static func write(_ value: [SummaryRow], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [SummaryRow]
    public static func write(_ value: [VisitBooking], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [VisitBooking]
    public static func write(_ value: [String: String], into buf: inout [UInt8])
    public static func read(from buf: inout (data: Data, offset: Data.Index)) throws -> [String: String]
public func catalogSummary(json: String)throws  -> CatalogSummary
public func checkValue(fieldType: String, value: String, today: String, lang: String)throws  -> ValueCheck
public func recoverProfile(json: String) -> RecoveredProfile
public func version() -> String
    case ok
    case contractVersionMismatch
    case apiChecksumMismatch
public func uniffiEnsureTetsuzukiBindingsInitialized()
