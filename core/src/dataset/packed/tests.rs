//! The packed texts read back as they were written, and every cut of one is an error.

use super::*;

fn sample() -> Dataset {
    let mut ds = Dataset::from_json(include_str!("../../../../data/matrix.json")).unwrap();
    // Texts the seed does not have: separators, digits, multi-byte characters, absences.
    ds.latest = None;
    ds.tags_source = None;
    ds.programs[0].note = Some("12:~;3: ünï «x» 日本\u{1f}\n".into());
    ds.programs[0].aliases.push(String::new());
    ds.programs[1].cells[0] = Cell {
        status: Status::InProgress,
        label: Some("~".into()),
    };
    ds
}

#[test]
fn a_dataset_reads_back_as_it_was() {
    for ds in [sample(), Dataset::embedded().as_ref().clone()] {
        assert_eq!(decode(&encode(&ds)), Ok(ds));
    }
    let empty = Dataset {
        services: vec![],
        programs: vec![],
        ..sample()
    };
    assert_eq!(decode(&encode(&empty)), Ok(empty));
}

#[test]
fn a_broken_text_is_an_error_at_every_cut() {
    let packed = encode(&sample());
    for end in (0..packed.len()).filter(|&e| packed.is_char_boundary(e)) {
        assert!(decode(&packed[..end]).is_err(), "cut at {end}");
    }
    assert!(decode(&format!("{packed}x")).is_err());
    let empty = encode(&Dataset {
        services: vec![],
        programs: vec![],
        ..sample()
    });
    let counted = format!("{}999;0;", empty.strip_suffix("0;0;").unwrap());
    assert_eq!(
        decode(&counted).unwrap_err(),
        format!(
            "packed dataset, byte {}: a count larger than what is left",
            empty.len() - 4
        )
    );
    assert_eq!(
        decode("5:abc").unwrap_err(),
        "packed dataset, byte 2: a text longer than what is left"
    );
    // A length that would end inside a multi-byte character.
    assert!(decode("1:é").is_err());
}

fn errors() -> Vec<DatasetError> {
    let from = |text: &str| Dataset::from_data_text(text).unwrap_err();
    vec![
        DatasetError::input(StringKey::errDataNotJson),
        from("{\"services\": 3}"),
        from("{\n  \"title\": \"x\",\n  ]"),
        DatasetError::new(Place::Line(7, None), StringKey::errTableCells)
            .num("cells", 12)
            .with("value", "12:~;\u{1f} 日本")
            .within(StringKey::errPageTable),
        DatasetError::new(Place::Row(3, 9), StringKey::errTableCells).within(StringKey::srcInvalid),
        DatasetError::new(
            Place::Table {
                table: 4,
                section: "MTCS;2:~".into(),
                row: 12,
                column: 3,
            },
            StringKey::errTooLong,
        )
        .num("limit", 2000),
    ]
}

#[test]
fn a_read_result_reads_back_as_it_was() {
    let ds = sample();
    assert_eq!(decode_read(&encode_read(&Ok(ds.clone()))), Ok(Ok(ds)));
    for e in errors() {
        let packed = encode_read(&Err(e.clone()));
        assert_eq!(decode_read(&packed), Ok(Err(e)), "{packed}");
    }
}

#[test]
fn a_broken_read_result_is_an_error_at_every_cut() {
    for e in errors() {
        let packed = encode_read(&Err(e));
        for end in (0..packed.len()).filter(|&e| packed.is_char_boundary(e)) {
            assert!(
                decode_read(&packed[..end]).is_err(),
                "cut at {end}: {packed}"
            );
        }
        assert!(decode_read(&format!("{packed}x")).is_err());
    }
    assert!(decode_read("x").is_err());
    assert_eq!(
        decode_read("ei7:noSuchK~0;").unwrap_err(),
        "packed dataset, byte 11: an unknown message key"
    );
    assert_eq!(
        decode_read("eq").unwrap_err(),
        "packed dataset, byte 1: expected a place"
    );
}

#[test]
fn a_page_table_reads_back_as_it_was() {
    let t = PageTable {
        caption: "Our ~ matrix; 3:".into(),
        as_of: "2026-11-30".into(),
        source: "wiki «x»".into(),
        source_url: String::new(),
        rows: vec![
            vec![
                PageCell::new("Compliance Program"),
                PageCell::new("Amazon ECS"),
            ],
            vec![
                PageCell::new("SOC\n II"),
                PageCell {
                    text: "1".into(),
                    colspan: 2,
                    rowspan: 0,
                },
            ],
            vec![],
        ],
    };
    let packed = encode_page_table(&t);
    assert_eq!(decode_page_table(&packed), Ok(t));
    for end in (0..packed.len()).filter(|&e| packed.is_char_boundary(e)) {
        assert!(decode_page_table(&packed[..end]).is_err(), "cut at {end}");
    }
    assert!(decode_page_table(&format!("{packed}x")).is_err());
    assert_eq!(
        decode_page_table("0:0:0:0:1;1;0:9999999999;1;").unwrap_err(),
        "packed dataset, byte 14: expected a number"
    );
}
