//! Japanese identifiers with check digits (exact algorithms from the public specifications).

/// Digits of `s` when it is exactly `len` ASCII digits.
fn digits(s: &str, len: usize) -> Option<Vec<u32>> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.bytes().map(|b| u32::from(b - b'0')).collect())
}

/// The check digit of a 全国地方公共団体コード from its first five digits: weights 6,5,4,3,2;
/// check = (11 − sum mod 11) mod 10.
pub fn local_government_check_digit(first_five: &str) -> Option<u32> {
    let d = digits(first_five, 5)?;
    let sum: u32 = d.iter().zip([6, 5, 4, 3, 2]).map(|(a, w)| a * w).sum();
    Some((11 - sum % 11) % 10)
}

/// Whether a 6-digit local-government code has the right check digit.
pub fn is_valid_local_government_code(code: &str) -> bool {
    digits(code, 6).is_some() && local_government_check_digit(&code[..5]) == code[5..].parse().ok()
}

/// The check digit of a 個人番号 (My Number) from its first eleven digits: with P1 the
/// rightmost, weights Qn = n+1 for n ≤ 6 and n−5 for 7 ≤ n ≤ 11; r = Σ Pn·Qn mod 11;
/// check = 0 when r ≤ 1, else 11 − r.
pub fn my_number_check_digit(first_eleven: &str) -> Option<u32> {
    let d = digits(first_eleven, 11)?;
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, p)| {
            let n = i as u32 + 1;
            p * if n <= 6 { n + 1 } else { n - 5 }
        })
        .sum();
    let r = sum % 11;
    Some(if r <= 1 { 0 } else { 11 - r })
}

/// Whether a 12-digit My Number has the right check digit.
pub fn is_valid_my_number(number: &str) -> bool {
    digits(number, 12).is_some() && my_number_check_digit(&number[..11]) == number[11..].parse().ok()
}

/// The check digit of a 法人番号 from its twelve base digits: with n = 1 at the right,
/// Qn = 1 for odd n and 2 for even n; check = 9 − (Σ Pn·Qn mod 9). It is written *first*.
pub fn corporate_number_check_digit(base_twelve: &str) -> Option<u32> {
    let d = digits(base_twelve, 12)?;
    let sum: u32 = d.iter().rev().enumerate().map(|(i, p)| p * if i % 2 == 0 { 1 } else { 2 }).sum();
    Some(9 - sum % 9)
}

/// Whether a 13-digit corporate number has the right (leading) check digit.
pub fn is_valid_corporate_number(number: &str) -> bool {
    digits(number, 13).is_some() && corporate_number_check_digit(&number[1..]) == number[..1].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_government_codes() {
        assert!(is_valid_local_government_code("063410")); // 大石田町
        assert!(is_valid_local_government_code("062120")); // 尾花沢市
        assert!(is_valid_local_government_code("131016")); // 千代田区
        assert!(!is_valid_local_government_code("063411"));
        assert!(!is_valid_local_government_code("06341"));
        assert_eq!(local_government_check_digit("01100"), Some(2)); // 札幌市 011002
    }

    #[test]
    fn my_numbers() {
        // 12345678901 → weights from the right 2..7 then 2..6.
        assert_eq!(my_number_check_digit("12345678901"), Some(8));
        assert!(is_valid_my_number("123456789018"));
        assert!(!is_valid_my_number("123456789012"));
    }

    #[test]
    fn corporate_numbers() {
        // 国税庁's published example: 7000012050002 (国税庁 itself).
        assert!(is_valid_corporate_number("7000012050002"));
        assert!(!is_valid_corporate_number("1000012050002"));
    }
}
