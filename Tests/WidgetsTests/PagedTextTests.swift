import TerminalCore
import Testing
import Widgets

/// The paged, searchable text view lessons are read in.
@Suite struct PagedTextTests {
    /// Lines "line 1" ... "line N", every fifth also saying "gold".
    private func numbered(_ count: Int) -> [StyledLine] {
        (1...count).map { StyledLine($0 % 5 == 0 ? "line \($0) Gold item" : "line \($0)") }
    }

    private func expectTaken(_ key: Key, by paged: inout PagedText, sourceLocation: SourceLocation = #_sourceLocation) {
        let taken = paged.handle(key)
        #expect(taken, "\(key) was the widget's", sourceLocation: sourceLocation)
    }

    private func expectLeft(_ key: Key, by paged: inout PagedText, sourceLocation: SourceLocation = #_sourceLocation) {
        let taken = paged.handle(key)
        #expect(!taken, "\(key) was left to the owner", sourceLocation: sourceLocation)
    }

    private func typed(_ text: String, into paged: inout PagedText) {
        expectTaken(.character("/"), by: &paged)
        for character in text { expectTaken(.character(character), by: &paged) }
        expectTaken(.enter, by: &paged)
    }

    @Test func pagingMovesAPageAtATimeAndStopsAtTheEnds() {
        // Given 30 lines in an area 11 rows high (10 of text and the status row)
        var paged = PagedText(lines: numbered(30), areaHeight: 11)
        #expect(paged.status == "line 1-10 of 30")
        // When paging down three times, then up once
        _ = paged.handle(.pageDown)
        #expect(paged.scroll == 10)
        _ = paged.handle(.pageDown)
        _ = paged.handle(.pageDown)
        // Then the last page shows lines 21-30, never past the end
        #expect(paged.scroll == 20)
        #expect(paged.status == "line 21-30 of 30")
        _ = paged.handle(.pageUp)
        #expect(paged.scroll == 10)
        // And arrows move a line, Home and End go to the ends
        _ = paged.handle(.down)
        #expect(paged.scroll == 11)
        _ = paged.handle(.up)
        _ = paged.handle(.up)
        #expect(paged.scroll == 9)
        _ = paged.handle(.end)
        #expect(paged.scroll == 20)
        _ = paged.handle(.home)
        #expect(paged.scroll == 0)
        _ = paged.handle(.up)
        #expect(paged.scroll == 0)
        // A key that is not the widget's is left to its owner
        expectLeft(.character("q"), by: &paged)
    }

    @Test func aShortTextDoesNotScroll() {
        var paged = PagedText(lines: numbered(3), areaHeight: 11)
        _ = paged.handle(.pageDown)
        _ = paged.handle(.end)
        #expect(paged.scroll == 0)
        #expect(paged.status == "line 1-3 of 3")
    }

    @Test func searchIgnoresCaseAndStepsForwardAndBackWithWraparound() {
        // Given 30 lines, "Gold" on lines 5, 10, ..., 30, a page of 10 rows
        var paged = PagedText(lines: numbered(30), areaHeight: 11)
        // When searching for "gold"
        typed("gold", into: &paged)
        // Then six matches; the first (line 5) is on the page, which does not move
        #expect(paged.matches.map(\.line) == [4, 9, 14, 19, 24, 29])
        #expect(paged.matches[0].characters == 7..<11)
        #expect(paged.currentMatch == 0)
        #expect(paged.scroll == 0)
        #expect(paged.status == "line 1-10 of 30 · 1 of 6 matches")
        // n steps on: line 10 is on the page, line 15 brings its line to the top
        _ = paged.handle(.character("n"))
        #expect(paged.currentMatch == 1 && paged.scroll == 0)
        _ = paged.handle(.character("n"))
        #expect(paged.currentMatch == 2 && paged.scroll == 14)
        // Past the last match n comes round to the first, and says so
        for _ in 0..<3 { _ = paged.handle(.character("n")) }
        #expect(paged.currentMatch == 5)
        _ = paged.handle(.character("n"))
        #expect(paged.currentMatch == 0)
        #expect(paged.scroll == 4)
        #expect(paged.status == "line 5-14 of 30 · 1 of 6 matches · search went on from the top")
        // N before the first comes round to the last
        _ = paged.handle(.character("N"))
        #expect(paged.currentMatch == 5)
        #expect(paged.scroll == 20)
        #expect(paged.status == "line 21-30 of 30 · 6 of 6 matches · search went on from the bottom")
        _ = paged.handle(.character("N"))
        #expect(paged.currentMatch == 4)
        #expect(paged.status == "line 21-30 of 30 · 5 of 6 matches")
    }

    @Test func aSearchStartsFromTheTopOfThePageAndSaysWhenNothingMatches() {
        var paged = PagedText(lines: numbered(30), areaHeight: 11)
        _ = paged.handle(.end)
        // Given the last page shown; when searching "line 1" (lines 1, 10-19)
        typed("LINE 1", into: &paged)
        // Then the first match from line 21 on is none, so it comes round to line 1
        #expect(paged.currentMatch == 0)
        #expect(paged.scroll == 0)
        #expect(paged.status.hasSuffix("1 of 11 matches · search went on from the top"))
        // And a search for what is not there says so, and n does nothing
        typed("silver", into: &paged)
        #expect(paged.matches.isEmpty && paged.currentMatch == nil)
        #expect(paged.status == "line 1-10 of 30 · no matches for \"silver\"")
        expectTaken(.character("n"), by: &paged)
        #expect(paged.scroll == 0)
    }

    @Test func typingASearchTakesEveryKeyUntilEnterOrEsc() {
        var paged = PagedText(lines: numbered(30), areaHeight: 11)
        // Given a search being typed, keys the view would otherwise take are letters of it
        _ = paged.handle(.character("/"))
        for key: Key in [.character("q"), .character("n"), .backspace, .character("G")] {
            expectTaken(key, by: &paged)
        }
        #expect(paged.draft == "qG")
        #expect(paged.scroll == 0)
        // Esc gives up, keeping no search
        _ = paged.handle(.escape)
        #expect(paged.draft == nil)
        #expect(paged.query == "")
        // Backspace on an empty search gives up too
        _ = paged.handle(.character("/"))
        _ = paged.handle(.backspace)
        #expect(paged.draft == nil)
        // Esc after a search clears it, and then is the owner's
        typed("gold", into: &paged)
        expectTaken(.escape, by: &paged)
        #expect(paged.matches.isEmpty && paged.query == "")
        expectLeft(.escape, by: &paged)
    }

    @Test func matchesAreHighlightedTheCurrentOneMoreAndTheStatusRowSaysWhere() {
        // Given three lines, two with "ab"
        var paged = PagedText(lines: [StyledLine("xab ab"), StyledLine("none"), StyledLine("AB", style: .bold)], areaHeight: 4)
        typed("ab", into: &paged)
        // When drawn 32 wide
        var buffer = Buffer(size: Size(width: 32, height: 4))
        paged.draw(in: buffer.area, into: &buffer)
        // Then the text is as written and the status row is on the last line, at the right
        #expect(buffer.line(0).hasPrefix("xab ab  ") && buffer.line(1).hasPrefix("none  ") && buffer.line(2).hasPrefix("AB  "))
        #expect(buffer.line(3) == "  line 1-3 of 3 · 1 of 3 matches")
        // The current match is reversed, bold and underlined; the others reversed only
        #expect(buffer[0, 0].style == .plain)
        #expect(buffer[1, 0].style == PagedText.currentMatchStyle)
        #expect(buffer[2, 0].style == PagedText.currentMatchStyle)
        #expect(buffer[3, 0].style == .plain)
        #expect(buffer[4, 0].style == PagedText.matchStyle)
        #expect(buffer[0, 2].style == PagedText.matchStyle)
        #expect(buffer[0, 1].style == .plain)
    }

    @Test func whileTypingTheSearchTheStatusRowIsThePromptWithTheCursor() {
        var paged = PagedText(lines: numbered(5), areaHeight: 4)
        _ = paged.handle(.character("/"))
        _ = paged.handle(.character("g"))
        var buffer = Buffer(size: Size(width: 12, height: 4))
        let cursor = paged.draw(in: buffer.area, into: &buffer)
        #expect(buffer.line(3) == "/g          ")
        #expect(cursor == Point(x: 2, y: 3))
    }

    @Test func wideCharactersKeepTheirWidthsInTheTextTheSearchAndTheHighlight() {
        // Given a line of Japanese and an emoji, found by a search for two of its characters
        var paged = PagedText(lines: [StyledLine("東京は👍です")], areaHeight: 2)
        typed("京は", into: &paged)
        #expect(paged.matches == [PagedText.Match(line: 0, characters: 1..<3)])
        // When drawn
        var buffer = Buffer(size: Size(width: 14, height: 2))
        paged.draw(in: buffer.area, into: &buffer)
        // Then each character takes two columns, and the highlight covers 京 and は whole
        #expect(buffer.line(0) == "東京は👍です  ")
        #expect(buffer[2, 0].text == "京" && buffer[2, 0].style == PagedText.currentMatchStyle)
        #expect(buffer[3, 0].isContinuation)
        #expect(buffer[4, 0].text == "は" && buffer[4, 0].style == PagedText.currentMatchStyle)
        #expect(buffer[6, 0].text == "👍" && buffer[6, 0].style == .plain)
        #expect(buffer[0, 0].style == .plain)
    }

    @Test func matchOffsetsCountCharactersRunByRunAsDrawingDoes() {
        // Given a run that starts with a combining mark, which joined would merge into the "e" before it
        let line = StyledLine([StyledRun("e"), StyledRun("\u{301}x", style: .bold)])
        // Then the match of "x" is at the offset `draw` gives it: third character, not second
        #expect(PagedText.find("x", in: [line]) == [PagedText.Match(line: 0, characters: 2..<3)])
    }

    @Test func newLinesKeepTheSearchAndTheScrollInRange() {
        var paged = PagedText(lines: numbered(30), areaHeight: 11)
        _ = paged.handle(.end)
        typed("gold", into: &paged)
        // When the text is laid out again shorter
        paged.replace(lines: numbered(12), areaHeight: 11)
        // Then the scroll is in range, and the search found again in the new lines
        #expect(paged.scroll == 2)
        #expect(paged.matches.map(\.line) == [4, 9])
        #expect(paged.currentMatch == 0)
    }

    @Test func aTextLaidOutAsTheReaderGoesSaysAboutHowLongItWillBe() {
        // Given the first 30 lines of a text its owner expects to be 3,717 lines long
        var paged = PagedText(lines: numbered(30), areaHeight: 11)
        paged.replace(lines: numbered(30), areaHeight: 11, expectedLineCount: 3_717)
        // Then the status gives the guess to two figures, and the whole count once known
        #expect(paged.status == "line 1-10 of about 3700")
        paged.replace(lines: numbered(40), areaHeight: 11)
        #expect(paged.status == "line 1-10 of 40")
        // A guess below what is already laid out never shows
        paged.replace(lines: numbered(40), areaHeight: 11, expectedLineCount: 12)
        #expect(paged.status == "line 1-10 of about 40")
    }
}

/// Styled text wrapped to a width, with the prefixes lists and quotes put before lines.
@Suite struct StyledLineWrappingTests {
    @Test func wordsWrapAtSpacesKeepingTheirStylesAndAHangingPrefix() {
        // Given a bold word among plain ones, wrapped to 12 columns after a bullet
        let runs = [StyledRun("one two "), StyledRun("three", style: .bold), StyledRun(" four five six")]
        let lines = StyledLine.wrapping(runs, width: 12, firstPrefix: [StyledRun("• ")], hangingPrefix: [StyledRun("  ")])
        // Then the text lines up under the first word, and "three" stays bold
        #expect(lines.map(\.text) == ["• one two", "  three four", "  five six"])
        #expect(lines[1].runs == [StyledRun("  "), StyledRun("three", style: .bold), StyledRun(" four")])
    }

    @Test func aLineBreakStartsALineAndALongWordIsCutBetweenCharacters() {
        let lines = StyledLine.wrapping([StyledRun("ab\ncdefghijk lm")], width: 4)
        #expect(lines.map(\.text) == ["ab", "cdef", "ghij", "k lm"])
    }

    @Test func wideCharactersWrapByTheirColumns() {
        // Given six CJK characters (two columns each) and no spaces, in 5 columns
        let lines = StyledLine.wrapping([StyledRun("日本語の文章")], width: 5)
        // Then two fit a line: a third would need a sixth column
        #expect(lines.map(\.text) == ["日本", "語の", "文章"])
        #expect(lines.allSatisfy { $0.width <= 5 })
    }

    /// The wrap as first written, a character at a time: the reference the fast one
    /// (word slices, ASCII read by bytes) must match exactly, styles and all.
    static func referenceWrap(_ runs: [StyledRun], width: Int, firstPrefix: [StyledRun], hangingPrefix: [StyledRun]) -> [StyledLine] {
        let firstRoom = max(1, width - StyledLine(firstPrefix).width)
        let hangingRoom = max(1, width - StyledLine(hangingPrefix).width)
        var lines: [StyledLine] = []
        var current: [StyledRun] = []
        var used = 0
        var room: Int { lines.isEmpty ? firstRoom : hangingRoom }
        func endLine() {
            lines.append(StyledLine(current).prefixed(by: lines.isEmpty ? firstPrefix : hangingPrefix))
            current = []
            used = 0
        }
        func append(_ character: Character, _ style: Style) {
            if let last = current.last, last.style == style { current[current.count - 1].text.append(character) } else { current.append(StyledRun(String(character), style: style)) }
        }
        var word: [(Character, Style)] = []
        var wordWidth = 0
        var pendingSpace: Style?
        var sawWord = false
        func flushWord() {
            guard !word.isEmpty else { return }
            if used > 0, sawWord, let space = pendingSpace {
                if used + 1 + wordWidth <= room { append(" ", space); used += 1 } else { endLine() }
            }
            for (character, style) in word {
                let columns = CharacterWidth.of(character)
                if used > 0, used + columns > room { endLine() }
                append(character, style)
                used += columns
            }
            sawWord = true
            word = []
            wordWidth = 0
            pendingSpace = nil
        }
        for run in runs {
            for character in run.text {
                if character.isNewline {
                    flushWord(); endLine(); sawWord = false; pendingSpace = nil
                } else if character == " " || character == "\t" {
                    flushWord()
                    if pendingSpace == nil { pendingSpace = run.style }
                } else {
                    word.append((character, run.style))
                    wordWidth += CharacterWidth.of(character)
                }
            }
        }
        flushWord()
        if !current.isEmpty || lines.isEmpty { endLine() }
        return lines
    }

    @Test func theWrapMatchesTheCharacterByCharacterReferenceOnMixedText() {
        // Given seeded runs of ASCII words, CJK, emoji clusters, combining marks, tabs,
        // line ends ("\r\n" too), long words and runs of spaces, in three styles
        let pieces = ["the", "quick", " ", "  ", "\t", "\n", "\r\n", "supercalifragilistic", "日本語", "👨‍👩‍👧", "🇫🇷", "e\u{301}", "a", "b.", ",", "x\u{0B}y", "中文"]
        let styles: [Style] = [.plain, .bold, Style(foreground: .cyan)]
        var random = SplitMix(state: 7)
        for _ in 0..<400 {
            var runs: [StyledRun] = []
            for _ in 0..<Int(random.next() % 6 + 1) {
                let text = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: random.next() % 3 == 0 ? "" : " ")
                runs.append(StyledRun(text, style: styles[Int(random.next() % 3)]))
            }
            let width = Int(random.next() % 14) + 1
            let prefix = random.next() % 2 == 0 ? [StyledRun("• ")] : []
            let hanging = prefix.isEmpty ? [] : [StyledRun("  ")]
            // When wrapped both ways; then the lines are the same
            #expect(StyledLine.wrapping(runs, width: width, firstPrefix: prefix, hangingPrefix: hanging)
                    == Self.referenceWrap(runs, width: width, firstPrefix: prefix, hangingPrefix: hanging), "\(runs) at \(width)")
        }
    }

    @Test func truncationEndsWithAnEllipsisAndNeverHalvesAWideCharacter() {
        #expect(StyledLine("abcdef").truncated(to: 4).text == "abc…")
        #expect(StyledLine("abc").truncated(to: 4).text == "abc")
        #expect(StyledLine("日本語").truncated(to: 4).text == "日…")
        #expect(StyledLine([StyledRun("ab", style: .bold), StyledRun("cd")]).truncated(to: 3).runs == [StyledRun("ab", style: .bold), StyledRun("…", style: .bold)])
    }
}

/// SplitMix64: seeded numbers for the wrap's comparison (`Domain`'s generator is out of
/// this target's reach).
private struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
