// The main of every doctest program here. A run that runs no test case
// fails: ctest asks for each test case by name, and a name its registration
// got wrong (CMake cuts a name at each ';') would otherwise match nothing and
// pass without testing anything.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>

namespace {

int test_cases_run = 0;

// Counts the test cases that start; says nothing itself.
struct RunCounter : doctest::IReporter {
    explicit RunCounter(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData&) override { ++test_cases_run; }
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("run-counter", 1, RunCounter);

}  // namespace

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int result = context.run();
    // --help, --list-test-cases and the like run nothing, as asked.
    if (context.shouldExit() || result != 0) return result;
    if (test_cases_run == 0) {
        std::cerr << "No test case ran: no test case has the name asked for (a ';' in a name cuts it short in "
                     "ctest's list).\n";
        return 1;
    }
    return 0;
}
