import Testing
@testable import RenkeiCore

/// `Stage.index`, `pipelineIndex` and `isEndState` are hand-written switches (they sit in hot
/// loops); these hold them to the declaration order and the two lists they stand for.
@Suite struct StageTests {
    @Test(arguments: Stage.allCases)
    func indicesFollowTheDeclarationAndTheLists(_ s: Stage) {
        #expect(s.index == Stage.allCases.firstIndex(of: s))
        #expect(s.pipelineIndex == Stage.pipeline.firstIndex(of: s))
        #expect(s.isEndState == Stage.endStates.contains(s))
        #expect(s.isEndState == (s.pipelineIndex == nil))
    }

    @Test func orderIsTheGuidesThenTheEndStates() {
        #expect(Stage.allCases.shuffled().sorted() == Stage.allCases)
        #expect(Stage.pipeline.map(\.ja) == ["課題特定・企画", "連携先の探索", "調整・意思決定", "連携方法の検討", "予算化"])
        #expect(Stage.budgeting < Stage.realized && Stage.issueDefinition < Stage.partnerSearch)
    }
}
