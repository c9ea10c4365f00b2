import Domain

/// Real items for the comparison and free-text screens, copied from the fixtures in
/// /work/shared/fixtures/text so the tests read the same without that folder.
///
/// PandaLM test set v1 (Apache-2.0, pandalm.LICENSE): the prompt is the instruction and,
/// when there is one, the input on its own paragraph; response1 and response2 are the
/// task's responses in that order. A response the file holds as JSON `true` is the text
/// "true", as the importer reads it. Self-Instruct user-oriented instructions
/// (Apache-2.0, self-instruct.LICENSE): the prompt is the instruction and the first
/// instance's input.
enum RealText {
    struct PairItem {
        var index: Int
        var prompt: String
        var responses: [String]
    }

    struct PromptItem {
        var id: String
        var prompt: String
    }

    static let pandaLM: [Int: PairItem] = [
        0: PairItem(index: 0, prompt: "The sentence you are given might be too wordy, complicated, or unclear. Rewrite the sentence and make your writing clearer by keeping it concise. Whenever possible, break complex sentences into multiple sentences and eliminate unnecessary words.\n\nIf you have any questions about my rate or if you find it necessary to increase or decrease the scope for this project, please let me know.", responses: ["If you have any questions about my rate, please let me know.", "If you have any questions, please let me know."]),
        18: PairItem(index: 18, prompt: "Please answer the following question based on the information provided in the article.\n\nDevelopment studies is an interdisciplinary branch of social science. Development studies is offered as a specialized master's degree in a number of reputed universities around the world. It has grown in popularity as a subject of study since the early 1990s, and has been most widely taught and researched in developing countries and countries with a colonial history, such as the UK, where the discipline originated. Students of development studies often choose careers in international organisations such as the United Nations, World Bank, non-governmental organisations (NGOs), media and journalism houses, private sector development consultancy firms, corporate social responsibility (CSR) bodies and research centers.\nWhat are some popular careers for students of development studies?", responses: ["", "Some popular careers for students of development studies include international organisations such as the United Nations, World Bank, non-governmental organisations (NGOs), media and journalism houses, corporate social responsibility (CSR) bodies and research centers."]),
        86: PairItem(index: 86, prompt: "What sound does this make?\n\n好", responses: ["The sound of a bell.", "The sound made by \"好\" is \"hao\"."]),
        157: PairItem(index: 157, prompt: "Verify the correctness of the given statement.\n\n\"For all integers j and k, if j and k are odd, then jk is odd.\"", responses: ["true", "True."]),
        871: PairItem(index: 871, prompt: "Using the provided topic as a starting point, brainstorm ideas for videos that can be made about it on YouTube.\n\nIn spite of the fact that procrastination feels bad to you, why do you do it?", responses: ["Ideas for videos that can be made about procrastination include: \n1. How to Stop Procrastinating: A Guide to Overcoming Procrastination \n2. How to Make Time for Your Goals: A Guide to Setting Realistic Goals \n3. How to Make the Most of Your Time: A Guide to Managing Your Time Effectively \n4. How to Make the Most of Your Time: A Guide to Managing Your Time Effectively \n5. How to Make the Most of Your Time: A Guide to Managing Your Time Effectively \n6. How to Make the Most of Your Time: A Guide to Managing Your Time Effectively \n7. How to Make the Most of Your Time: A Guide to Managing Your Time Effectively", "Ideas for videos that can be made about procrastination include: \n- Explaining why procrastination is bad and how it can be avoided\n- Showing how procrastination can be beneficial in certain situations\n- Exploring how procrastination can be used as a creative tool\n- Exploring how procrastination can be used as a learning experience\n- Exploring how procrastination can be beneficial in certain contexts\n- Exploring how procrastination can be used as a creative tool\n- Exploring how procrastination can be used as a learning experience\n- Exploring how procrastination can be beneficial in certain contexts"]),
    ]

    static let selfInstruct: [String: PromptItem] = [
        "user_oriented_task_0": PromptItem(id: "user_oriented_task_0", prompt: "The sentence you are given might be too wordy, complicated, or unclear. Rewrite the sentence and make your writing clearer by keeping it concise. Whenever possible, break complex sentences into multiple sentences and eliminate unnecessary words.\n\nIf you have any questions about my rate or if you find it necessary to increase or decrease the scope for this project, please let me know."),
        "user_oriented_task_125": PromptItem(id: "user_oriented_task_125", prompt: "What sound does this make?\n\n好"),
        "user_oriented_task_185": PromptItem(id: "user_oriented_task_185", prompt: "The story of a movie has been described using many emojis. You need to guess the name of the movie based on the emojis.\n\n🧙‍♂️🚪📚🦅⚡"),
    ]
}
